package io.otodoke.safety.web;

import io.otodoke.safety.SafetyResult;
import io.otodoke.safety.Signal;
import io.otodoke.safety.Verdict;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The plain-language texts of the check, from the message bundles ({@code safety.*}), in Japanese and English. */
@Component
class Explanations {

    static final Locale[] LANGUAGES = {Locale.JAPANESE, Locale.ENGLISH};

    private final MessageSource messages;

    Explanations(MessageSource messages) {
        this.messages = messages;
    }

    String reason(Signal code, Locale locale) {
        return messages.getMessage("safety.reason." + code.name(), null, locale);
    }

    String verdict(Verdict verdict, Locale locale) {
        return messages.getMessage("safety.verdict." + verdict.name(), null, locale);
    }

    String advice(Verdict verdict, Locale locale) {
        return messages.getMessage("safety.advice." + verdict.name(), null, locale);
    }

    String officialKind(io.otodoke.safety.OfficialLink.Kind kind, Locale locale) {
        return messages.getMessage("safety.official." + kind.name(), null, locale);
    }

    String brand(String code, Locale locale) {
        return code == null ? null : messages.getMessage("safety.brand." + code, null, code, locale);
    }

    Map<String, String> both(java.util.function.Function<Locale, String> text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Locale l : LANGUAGES) {
            out.put(l.getLanguage(), text.apply(l));
        }
        return out;
    }

    Map<String, String> brandNames(SafetyResult result) {
        return result.brand() == null ? null : both(l -> brand(result.brand(), l));
    }
}
