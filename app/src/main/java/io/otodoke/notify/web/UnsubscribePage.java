package io.otodoke.notify.web;

import io.otodoke.notify.Subscription;
import io.otodoke.notify.Subscriptions;
import io.otodoke.notify.UnsubscribeLinks;
import io.otodoke.web.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The unsubscribe link of every message, open to everyone: the signed token is the authority. GET
 * only asks (mail scanners follow links, and must not unsubscribe anyone); POST unsubscribes, also
 * as the one-click POST of RFC 8058 that mail providers send without a session or CSRF token.
 */
@PageController
class UnsubscribePage {

    private final UnsubscribeLinks links;
    private final Subscriptions subscriptions;

    UnsubscribePage(UnsubscribeLinks links, Subscriptions subscriptions) {
        this.links = links;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/unsubscribe/{token}")
    String confirm(@PathVariable String token, Model model) {
        subscription(token);
        model.addAttribute("token", token);
        return "notify/unsubscribe";
    }

    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        Subscription s = subscription(token);
        subscriptions.unsubscribe(s.tenantId(), s.id());
        model.addAttribute("done", true);
        return "notify/unsubscribe";
    }

    /** A bad signature and a subscription that has ended look the same: not found. */
    private Subscription subscription(String token) {
        return links.verify(token).flatMap(subscriptions::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
