package io.otodoke.notify.web;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.notify.WebhookEndpoints;
import io.otodoke.notify.WebhookPoster;
import io.otodoke.web.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's webhooks page ({@code /webhooks}; an administrator reads every tenant's): the
 * endpoints with their state — disabled ones and why first of all, that is the alert — a form to add
 * one (its secret shown once), and per endpoint "send test event" with the answer and "delete".
 */
@PageController
class WebhookPage {

    private final WebhookEndpoints endpoints;

    WebhookPage(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping("/webhooks")
    String page(Caller caller, Model model) {
        var list = endpoints.of(caller.is(Role.ADMIN) ? null : caller.tenantId());
        model.addAttribute("endpoints", list);
        model.addAttribute("disabled", list.stream().filter(e -> !e.enabled()).toList());
        model.addAttribute("operator", caller.is(Role.OPERATOR));
        return "notify/webhooks";
    }

    @PostMapping("/webhooks")
    String create(@RequestParam String url, Caller caller, RedirectAttributes redirect) {
        long tenant = operatorTenant(caller);
        String invalid = endpoints.invalidUrl(url.strip());
        if (invalid != null) {
            redirect.addFlashAttribute("invalid", invalid);
            return "redirect:/webhooks";
        }
        WebhookEndpoints.Created c = endpoints.create(tenant, url.strip(),
                WebhookEndpointApi.milestones(null), caller.actor());
        redirect.addFlashAttribute("createdId", c.endpoint().id());
        redirect.addFlashAttribute("secret", c.secret());
        return "redirect:/webhooks";
    }

    @PostMapping("/webhooks/{id}/test")
    String test(@PathVariable long id, Caller caller, RedirectAttributes redirect) {
        WebhookPoster.Answer a = endpoints.sendTest(operatorTenant(caller), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("testedId", id);
        redirect.addFlashAttribute("test", a);
        return "redirect:/webhooks";
    }

    @PostMapping("/webhooks/{id}/delete")
    String delete(@PathVariable long id, Caller caller) {
        if (!endpoints.delete(operatorTenant(caller), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/webhooks";
    }

    /** Changes are the shop operator's: an administrator has no tenant to add endpoints to. */
    private static long operatorTenant(Caller caller) {
        if (!caller.is(Role.OPERATOR)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return caller.tenantId();
    }
}
