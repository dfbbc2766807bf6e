package io.otodoke.safety.web;

import io.otodoke.account.Caller;
import io.otodoke.safety.Channel;
import io.otodoke.safety.CheckedLink;
import io.otodoke.safety.MessageInput;
import io.otodoke.safety.OfficialLink;
import io.otodoke.safety.SafetyCheck;
import io.otodoke.safety.SafetyResult;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Scam check", description = "Is this delivery SMS, e-mail or link fake? Public; offline (nothing is fetched)")
class SafetyApi {

    private final SafetyCheck check;
    private final YourParcels parcels;
    private final Explanations explanations;

    SafetyApi(SafetyCheck check, YourParcels parcels, Explanations explanations) {
        this.check = check;
        this.parcels = parcels;
        this.explanations = explanations;
    }

    /** One reason with its explanation in Japanese and English. */
    record ReasonEntry(String code, String severity, String evidence, Map<String, String> explanation) {
    }

    record CheckResponse(String verdict, Map<String, String> verdictText, String brand, Map<String, String> brandName,
                         List<ReasonEntry> reasons, List<CheckedLink> links, List<String> trackingNumbers,
                         List<OfficialLink> officialLinks, Map<String, String> advice) {
    }

    @PostMapping("/api/v1/safety/check")
    @Operation(summary = "Check a delivery message or links for signs of phishing",
            description = "Body: {\"text\": \"…\", \"channel\": \"sms\"|\"email\", \"sender\": \"…\", \"headers\": \"raw e-mail "
                    + "headers\", \"attachments\": [\"name.zip\"], \"urls\": [\"…\"]}; text or urls is required. The verdict is "
                    + "PHISHING, SUSPICIOUS or NO_KNOWN_SIGNALS — never 'safe'. Each reason has a stable code, a severity, "
                    + "evidence (hosts defanged) and explanations in Japanese and English. Nothing in the message is "
                    + "fetched or resolved.")
    CheckResponse check(@RequestBody JsonNode body, Caller caller) {
        if (!body.isObject()) {
            throw ProblemType.exception(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "Send a JSON object: {\"text\": \"…\", \"channel\": \"sms\", \"sender\": \"…\"} or {\"urls\": [\"…\"]}.");
        }
        String text = string(body, "text", MessageInput.MAX_TEXT);
        String headers = string(body, "headers", MessageInput.MAX_TEXT);
        String sender = string(body, "sender", 500);
        List<String> urls = strings(body, "urls", MessageInput.MAX_URLS);
        List<String> attachments = strings(body, "attachments", 100);
        Channel channel;
        try {
            channel = Channel.parse(string(body, "channel", 20));
        } catch (IllegalArgumentException e) {
            throw ProblemType.invalidField("channel", e.getMessage());
        }
        if ((text == null || text.isBlank()) && urls.isEmpty()) {
            throw ProblemType.invalidField("text", "Give the message as 'text', or links as 'urls'.");
        }
        SafetyResult r = check.check(new MessageInput(text, channel, sender, headers, attachments, urls), parcels.of(caller));
        return new CheckResponse(r.verdict().name(), explanations.both(l -> explanations.verdict(r.verdict(), l)), r.brand(),
                explanations.brandNames(r),
                r.reasons().stream().map(x -> new ReasonEntry(x.code().name(), x.severity().name(), x.evidence(),
                        explanations.both(l -> explanations.reason(x.code(), l)))).toList(),
                r.links(), r.trackingNumbers(), r.officialLinks(),
                explanations.both(l -> explanations.advice(r.verdict(), l)));
    }

    private static String string(JsonNode body, String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            throw ProblemType.invalidField(field, field + " must be a string");
        }
        if (n.asString().length() > max) {
            throw ProblemType.invalidField(field, field + " is longer than " + max + " characters");
        }
        return n.asString();
    }

    private static List<String> strings(JsonNode body, String field, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray() || n.size() > max) {
            throw ProblemType.invalidField(field, field + " must be an array of at most " + max + " strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isString() || n.get(i).asString().length() > 2000) {
                throw ProblemType.invalidField(field, field + "[" + i + "] must be a string of at most 2000 characters");
            }
            out.add(n.get(i).asString());
        }
        return out;
    }
}
