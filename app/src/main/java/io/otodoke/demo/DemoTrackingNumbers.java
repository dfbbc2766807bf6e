package io.otodoke.demo;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Issues the world's tracking numbers, each once, in formats the detector of
 * {@code design/tracking-numbers.md} accepts: 12 digits with the 7DR check digit for Yamato,
 * Sagawa and Japan Post's ゆうパック (§3.1, §4.1), {@code TBA} + 12 digits for Amazon (§4.3).
 */
final class DemoTrackingNumbers {

    private final Set<String> issued = new HashSet<>();

    String issue(String carrier, RandomGenerator random) {
        while (true) {
            String number = switch (carrier) {
                // Leading digits follow the label-stock ranges seen in real samples
                // (tracking-numbers.md §4.1); they are not a rule, only a look.
                case DemoWorld.YAMATO -> sevenDr("4" + digits(random, 10));
                case DemoWorld.SAGAWA -> sevenDr("6" + digits(random, 10));
                case DemoWorld.JAPAN_POST -> sevenDr("3" + digits(random, 10));
                case DemoWorld.AMAZON_JP -> "TBA" + digits(random, 12);
                default -> throw new IllegalArgumentException("no numbers for carrier " + carrier);
            };
            if (issued.add(number)) {
                return number;
            }
        }
    }

    /** Appends the 7DR check digit: the 11-digit body read as one number, mod 7. */
    static String sevenDr(String body) {
        if (body.length() != 11) {
            throw new IllegalArgumentException("a 7DR body has 11 digits: " + body);
        }
        return body + Long.parseLong(body) % 7;
    }

    private static String digits(RandomGenerator random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
