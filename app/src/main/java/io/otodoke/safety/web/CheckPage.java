package io.otodoke.safety.web;

import io.otodoke.account.Caller;
import io.otodoke.safety.Channel;
import io.otodoke.safety.MessageInput;
import io.otodoke.safety.OfficialLink;
import io.otodoke.safety.SafetyCheck;
import io.otodoke.safety.SafetyResult;
import io.otodoke.web.PageController;
import java.util.List;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page {@code /check}: paste a delivery message, see the verdict explained. The
 * message is sent by POST (it may hold personal data, so it stays out of addresses and logs).
 * Links from the message are shown as defanged text, never as links (design/safety.md §0.2); the
 * only links on the page are Otodoke's own official pages.
 */
@PageController
class CheckPage {

    private final SafetyCheck check;
    private final YourParcels parcels;
    private final Explanations explanations;

    CheckPage(SafetyCheck check, YourParcels parcels, Explanations explanations) {
        this.check = check;
        this.parcels = parcels;
        this.explanations = explanations;
    }

    /** One reason as the page shows it. */
    record ReasonRow(String code, String severity, String explanation, String evidence) {
    }

    /** An official page with the words that say what it is. */
    record OfficialRow(String label, String url) {
    }

    @GetMapping("/check")
    String form(Model model, Caller caller) {
        model.addAttribute("form", new Form("", "", "", ""));
        model.addAttribute("maxText", MessageInput.MAX_TEXT);
        model.addAttribute("yourParcels", YourParcels.applies(caller));
        return "safety/check";
    }

    /** What was typed, given back to the form. */
    record Form(String text, String channel, String sender, String headers) {
    }

    @PostMapping("/check")
    String check(@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String channel,
                 @RequestParam(defaultValue = "") String sender, @RequestParam(defaultValue = "") String headers,
                 Model model, Locale locale, Caller caller) {
        Form form = new Form(text, channel, sender, headers);
        model.addAttribute("form", form);
        model.addAttribute("maxText", MessageInput.MAX_TEXT);
        model.addAttribute("yourParcels", YourParcels.applies(caller));
        Channel ch;
        try {
            ch = Channel.parse(channel);
        } catch (IllegalArgumentException e) {
            ch = null;
        }
        if (text.isBlank()) {
            model.addAttribute("problem", "missing");
            return "safety/check";
        }
        if (text.length() > MessageInput.MAX_TEXT || headers.length() > MessageInput.MAX_TEXT || sender.length() > 500) {
            model.addAttribute("problem", "too-long");
            return "safety/check";
        }
        SafetyResult r = check.check(new MessageInput(text, ch, sender, headers, List.of(), List.of()), parcels.of(caller));
        model.addAttribute("result", r);
        model.addAttribute("verdictText", explanations.verdict(r.verdict(), locale));
        model.addAttribute("advice", explanations.advice(r.verdict(), locale));
        model.addAttribute("brandName", explanations.brand(r.brand(), locale));
        model.addAttribute("reasons", r.reasons().stream().map(x -> new ReasonRow(x.code().name(), x.severity().name(),
                explanations.reason(x.code(), locale), x.evidence())).toList());
        model.addAttribute("official", r.officialLinks().stream().map(l -> new OfficialRow(label(l, locale), l.url())).toList());
        return "safety/check";
    }

    private String label(OfficialLink link, Locale locale) {
        return explanations.brand(link.brand(), locale) + " — " + explanations.officialKind(link.kind(), locale);
    }
}
