package io.otodoke.notify.web;

import io.otodoke.account.Caller;
import io.otodoke.notify.LineLinks;
import io.otodoke.notify.LineProperties;
import io.otodoke.notify.Milestone;
import io.otodoke.notify.PreferenceStore;
import io.otodoke.notify.Preferences;
import io.otodoke.notify.Subscription;
import io.otodoke.notify.Subscriptions;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.web.PageController;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in user's notification preferences ({@code /account/notifications}, anyone signed in),
 * and a shopper's e-mail switch for one of their orders ({@code /orders/{id}/notifications}, role
 * SHOPPER; someone else's order is not found, like one that does not exist).
 */
@PageController
class NotificationPages {

    private final PreferenceStore preferences;
    private final Subscriptions subscriptions;
    private final ShipmentRegistry registry;
    private final LineLinks lineLinks;
    private final LineProperties line;

    NotificationPages(PreferenceStore preferences, Subscriptions subscriptions, ShipmentRegistry registry,
                      LineLinks lineLinks, LineProperties line) {
        this.preferences = preferences;
        this.subscriptions = subscriptions;
        this.registry = registry;
        this.lineLinks = lineLinks;
        this.line = line;
    }

    @GetMapping("/account/notifications")
    String preferences(Caller caller, Model model) {
        model.addAttribute("preferences", preferences.of(userOf(caller)));
        model.addAttribute("milestones", List.of(Milestone.values()));
        model.addAttribute("deliveryDay", Milestone.deliveryDayMilestones());
        model.addAttribute("lineAvailable", line.linkable());
        model.addAttribute("lineLinked", line.linkable() && lineLinks.lineUserOf(userOf(caller)).isPresent());
        model.addAttribute("lineAddFriendUrl", line.addFriendUrl());
        return "notify/preferences";
    }

    /** A one-time code to send to the LINE official account, shown once on the settings page. */
    @PostMapping("/account/notifications/line/code")
    String lineCode(Caller caller, RedirectAttributes redirect) {
        long user = userOf(caller);
        if (line.linkable()) {
            LineLinks.Code code = lineLinks.newCode(user, caller.tenantId(), caller.email());
            redirect.addFlashAttribute("lineCode", code.code());
            redirect.addFlashAttribute("lineCodeExpires",
                    java.time.LocalDateTime.ofInstant(code.expiresAt(), java.time.ZoneId.of("Asia/Tokyo")));
        }
        return "redirect:/account/notifications#line";
    }

    /** Ends the link and every LINE subscription of the user. */
    @PostMapping("/account/notifications/line/unlink")
    String lineUnlink(Caller caller, RedirectAttributes redirect) {
        lineLinks.unlink(userOf(caller), null);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/account/notifications#line";
    }

    @PostMapping("/account/notifications")
    String save(@RequestParam(defaultValue = "ja") String language,
                @RequestParam(required = false) List<String> milestones,
                @RequestParam(defaultValue = "3") String stopsAwayThreshold,
                @RequestParam(defaultValue = "21:00") String quietStart, @RequestParam(defaultValue = "08:00") String quietEnd,
                @RequestParam(required = false) List<String> quietExempt, Caller caller, RedirectAttributes redirect) {
        long user = userOf(caller);
        try {
            int threshold = Integer.parseInt(stopsAwayThreshold);
            if (threshold < 1 || threshold > 50 || !List.of("ja", "en").contains(language)) {
                throw new IllegalArgumentException();
            }
            Set<Milestone> exempt = parse(quietExempt);
            exempt.retainAll(Milestone.deliveryDayMilestones());
            preferences.save(user, new Preferences(language, parse(milestones), threshold, LocalTime.parse(quietStart),
                    LocalTime.parse(quietEnd), exempt));
            redirect.addFlashAttribute("saved", true);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            redirect.addFlashAttribute("invalid", true);
        }
        return "redirect:/account/notifications";
    }

    @GetMapping("/orders/{id}/notifications")
    String order(@PathVariable String id, Caller shopper, Model model) {
        OrderView order = own(id, shopper);
        model.addAttribute("order", order);
        model.addAttribute("email", shopper.email());
        model.addAttribute("subscribed", emailSubscription(order, shopper).isPresent());
        return "notify/order-notifications";
    }

    /** E-mail on or off for this order, to the address the shopper signs in with, with their preferences. */
    @PostMapping("/orders/{id}/notifications")
    String switchEmail(@PathVariable String id, @RequestParam(defaultValue = "off") String email, Caller shopper,
                       RedirectAttributes redirect) {
        OrderView order = own(id, shopper);
        long user = userOf(shopper);
        if ("on".equals(email)) {
            Preferences p = preferences.of(user);
            subscriptions.subscribe(new Subscriptions.NewSubscription(order.tenantId(), null, order.id(), user,
                    shopper.email(), "email", shopper.email(), p.language(), p.milestones(), p.stopsAwayThreshold(),
                    shopper.actor()));
        } else {
            emailSubscription(order, shopper).ifPresent(s -> subscriptions.unsubscribe(s.tenantId(), s.id()));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/orders/" + order.id() + "/notifications";
    }

    private Optional<Subscription> emailSubscription(OrderView order, Caller shopper) {
        return subscriptions.ofUser(userOf(shopper)).stream()
                .filter(s -> Long.valueOf(order.id()).equals(s.orderId()) && s.channel().equals("email")).findFirst();
    }

    private OrderView own(String id, Caller shopper) {
        try {
            return registry.order(shopper, Long.parseLong(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** Preferences belong to a person: a session always has one. */
    private static long userOf(Caller caller) {
        if (caller.userId() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return caller.userId();
    }

    private static Set<Milestone> parse(List<String> names) {
        Set<Milestone> out = EnumSet.noneOf(Milestone.class);
        if (names != null) {
            names.forEach(n -> out.add(Milestone.valueOf(n)));
        }
        return out;
    }
}
