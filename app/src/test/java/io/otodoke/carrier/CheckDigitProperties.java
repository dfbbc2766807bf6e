package io.otodoke.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.carrier.DetectionRules.Rule;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For the check-digit rules that catch every single-digit error (FedEx Ground 15, USPS IMpb,
 * DPD 15 and 28): changing any one digit of a valid number makes it invalid for that rule.
 */
class CheckDigitProperties {

    record Mutation(Rule rule, String valid, int position, char replacement) {
    }

    static final List<Rule> STRONG = DetectionRules.ALL.stream()
            .filter(r -> r.check().catchesEverySingleDigitError()).toList();

    @Example
    void theStrongRulesAreTheOnesTheSpecAllows() {
        assertThat(STRONG).extracting(Rule::id).containsExactly("FX15", "IMPB", "DPD15", "DPD28");
    }

    @Property(tries = 2000)
    void changingOneDigitOfAValidNumberMakesItInvalid(@ForAll("mutations") Mutation m) {
        assertThat(m.rule().fitsShape(m.valid()) && m.rule().check().accepts(m.valid())).isTrue();
        String changed = m.valid().substring(0, m.position()) + m.replacement() + m.valid().substring(m.position() + 1);
        boolean stillValid = m.rule().fitsShape(changed) && m.rule().check().accepts(changed);
        assertThat(stillValid).as("%s %s → %s", m.rule().id(), m.valid(), changed).isFalse();
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Arbitraries.of(STRONG).flatMap(rule -> validNumber(rule).flatMap(valid -> {
            List<Integer> digitPositions = java.util.stream.IntStream.range(0, valid.length())
                    .filter(i -> Character.isDigit(valid.charAt(i))).boxed().toList();
            return Combinators.combine(Arbitraries.of(digitPositions), Arbitraries.chars().range('0', '9'))
                    .filter((p, c) -> valid.charAt(p) != c)
                    .as((p, c) -> new Mutation(rule, valid, p, c));
        }));
    }

    /** A random body of the rule's shape, completed with whichever check character makes it valid. */
    static Arbitrary<String> validNumber(Rule rule) {
        int length = switch (rule.id()) {
            case "FX15", "DPD15" -> 15;
            case "DPD28" -> 28;
            default -> -1;
        };
        Arbitrary<String> body = length > 0
                ? Arbitraries.strings().numeric().ofLength(length - 1)
                : Arbitraries.of(22, 26, 30).flatMap(n -> Arbitraries.integers().between(1, 5)
                        .flatMap(second -> Arbitraries.strings().numeric().ofLength(n - 3).map(rest -> "9" + second + rest)));
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return body.map(b -> {
            for (char c : alphabet.toCharArray()) {
                String candidate = b + c;
                if (rule.fitsShape(candidate) && rule.check().accepts(candidate)) {
                    return candidate;
                }
            }
            throw new AssertionError("no check character completes " + b + " for " + rule.id());
        });
    }
}
