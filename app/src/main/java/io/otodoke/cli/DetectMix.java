package io.otodoke.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The inputs of {@code ./otodoke bench detect}: tracking numbers in the shapes people paste, made
 * up deterministically from a seed by the formats of tracking-numbers.md §2–§3. The check digits
 * are computed here, independently of the detector, so that a test can show the detector finds
 * what the mix claims.
 *
 * <p>Weights out of 100: Japanese 12-digit 7DR numbers 28 (plain, hyphenated, full-width, with
 * {@code ー} or spaces), Amazon TBA 9, UPS 1Z 6, FedEx 12/15/22 5/2/2, USPS 20/22 2/4, S10 EMS from
 * Japan 6 and other S10 4, DHL Express 10 4, DPD 15 2, SF 2, look-alikes with a wrong check digit 9,
 * junk 15.
 */
final class DetectMix {

    enum Kind { VALID, LOOKALIKE, JUNK }

    /**
     * One input.
     *
     * @param format  the format it was made from, e.g. {@code JP12} or {@code junk}
     * @param carrier the carrier code the detector must return for a valid input, or that a
     *                look-alike imitates; null for junk
     */
    record Input(String text, String format, String carrier, Kind kind) {
    }

    /** Carriers that ts-tracking-number 1.0.17 detects too (its couriers amazon, dhl, fedex, s10, ups, usps). */
    static final Set<String> SHARED_CARRIERS = Set.of("ups", "fedex", "usps", "dhl_express", "upu_s10", "amazon_jp");

    static final long DEFAULT_SEED = 20261129L;
    static final int DEFAULT_SIZE = 10_000;

    private final SplittableRandom random;

    private DetectMix(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static List<Input> generate(long seed, int size) {
        DetectMix mix = new DetectMix(seed);
        List<Input> inputs = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            inputs.add(mix.next());
        }
        return inputs;
    }

    /** The inputs whose carrier both detectors know, valid or look-alike, and the junk (which is nobody's). */
    static List<Input> shared(List<Input> inputs) {
        return inputs.stream().filter(in -> in.carrier() == null || SHARED_CARRIERS.contains(in.carrier())).toList();
    }

    /** Inputs per format, in order of first appearance. */
    static Map<String, Integer> composition(List<Input> inputs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Input in : inputs) {
            String key = switch (in.kind()) {
                case VALID -> in.format();
                case LOOKALIKE -> "look-alike " + in.format();
                case JUNK -> "junk";
            };
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    private Input next() {
        int r = random.nextInt(100);
        if (r < 28) {
            return valid(presentJp(sevenDr()), "JP12", "yamato");
        }
        if ((r -= 28) < 9) {
            return valid("TB" + pick("A", "A", "A", "C", "M") + digits(12), "TBA", "amazon_jp");
        }
        if ((r -= 9) < 6) {
            String ups = ups1z();
            return valid(random.nextInt(4) == 0 ? group(ups.toLowerCase(java.util.Locale.ROOT), 4) : ups, "UPS1Z", "ups");
        }
        if ((r -= 6) < 5) {
            return valid(maybeGroup(fx12(), 4), "FX12", "fedex");
        }
        if ((r -= 5) < 2) {
            return valid(maybeGroup(fx15(), 4), "FX15", "fedex");
        }
        if ((r -= 2) < 2) {
            return valid(fx96(), "FX96", "fedex");
        }
        if ((r -= 2) < 2) {
            return valid(maybeGroup(usps20(), 4), "USPS20", "usps");
        }
        if ((r -= 2) < 4) {
            return valid(maybeGroup(impb22(), 4), "IMPB", "usps");
        }
        if ((r -= 4) < 6) {
            return valid(s10("E" + letter(), "JP"), "S10 EMS JP", "upu_s10");
        }
        if ((r -= 6) < 4) {
            return valid(s10(pick("RR", "RA", "LX", "LZ", "CP", "UA", "EE"), pick("CN", "GB", "US", "DE", "KR", "SG", "FR")),
                    "S10", "upu_s10");
        }
        if ((r -= 4) < 4) {
            return valid(dhl10(), "DHL10", "dhl_express");
        }
        if ((r -= 4) < 2) {
            return valid(dpd15(), "DPD15", "dpd");
        }
        if ((r -= 2) < 2) {
            return valid("SF" + digits(13), "SF", "sf_express");
        }
        if ((r -= 2) < 9) {
            return lookalike();
        }
        return new Input(junk(), "junk", null, Kind.JUNK);
    }

    private static Input valid(String text, String format, String carrier) {
        return new Input(text, format, carrier, Kind.VALID);
    }

    /** A valid number of a format with a check digit, with its last digit changed to a wrong one. */
    private Input lookalike() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> new Input(presentJp(wrongLast(sevenDr(), 10)), "JP12", "yamato", Kind.LOOKALIKE);
            case 2 -> new Input(wrongLast(ups1z(), 10), "UPS1Z", "ups", Kind.LOOKALIKE);
            case 3 -> new Input(wrongLast(fx12(), 10), "FX12", "fedex", Kind.LOOKALIKE);
            case 4 -> new Input(wrongS10(s10("E" + letter(), "JP")), "S10 EMS JP", "upu_s10", Kind.LOOKALIKE);
            default -> new Input(wrongLast(dhl10(), 10), "DHL10", "dhl_express", Kind.LOOKALIKE);
        };
    }

    private String junk() {
        return switch (random.nextInt(10)) {
            case 0 -> digits(3) + "-" + digits(7) + "-" + digits(7); // an Amazon order number
            case 1 -> "0" + (1 + random.nextInt(9)) + "-" + digits(4) + "-" + digits(4); // a phone number
            case 2 -> "〒" + digits(3) + "-" + digits(4); // a postcode
            case 3 -> pick("お問い合わせ番号", "配達予定日", "ご不在連絡票", "Tracking number:", "n/a", "");
            case 4 -> "https://www.amazon.co.jp/gp/your-account/order-details?orderID=" + digits(3) + "-" + digits(7);
            case 5 -> digits(5 + random.nextInt(5)); // too short for any rule but DHL10/JP11
            case 6 -> digits(13) + "X"; // wrong shape
            case 7 -> "user" + digits(4) + "@example.jp";
            case 8 -> letter() + letter() + digits(9) + "ZZ"; // S10 shape with an unknown country
            default -> "2026/" + (1 + random.nextInt(12)) + "/" + (1 + random.nextInt(28)) + " 14:00-16:00";
        };
    }

    // --- formats (tracking-numbers.md §2 and §3) ---

    /** 11 digits and the 7DR check digit: the number mod 7. */
    private String sevenDr() {
        String body = digits(11);
        return body + Long.parseLong(body) % 7;
    }

    /** The way people write a 12-digit Japanese number. */
    private String presentJp(String n) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> n;
            case 4, 5, 6 -> n.substring(0, 4) + "-" + n.substring(4, 8) + "-" + n.substring(8);
            case 7 -> fullWidth(n.substring(0, 4) + "－" + n.substring(4, 8) + "－" + n.substring(8));
            case 8 -> n.substring(0, 4) + "ー" + n.substring(4, 8) + "ー" + n.substring(8);
            default -> n.substring(0, 4) + " " + n.substring(4, 8) + " " + n.substring(8);
        };
    }

    private String ups1z() {
        StringBuilder body = new StringBuilder();
        String alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXY";
        for (int i = 0; i < 6; i++) {
            body.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        body.append(pick("01", "02", "03", "12", "13", "YW"));
        body.append(digits(7));
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : (c - 3) % 10;
            sum += i % 2 == 0 ? v : 2 * v;
        }
        return "1Z" + body + (10 - sum % 10) % 10;
    }

    private static final int[] FX12_WEIGHTS = {3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1};

    private String fx12() {
        String body = digits(11);
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (body.charAt(i) - '0') * FX12_WEIGHTS[i];
        }
        return body + sum % 11 % 10;
    }

    private String fx15() {
        String body = digits(14);
        return body + mod10(body, 1, 3);
    }

    private String fx96() {
        String head = "96" + digits(5);
        String serial = digits(14);
        return head + serial + mod10(serial, 1, 3);
    }

    private String usps20() {
        String body = digits(19);
        return body + gs1(body);
    }

    private String impb22() {
        String body = pick("9400", "9205", "9261", "9270", "9361", "9405") + digits(17);
        return body + gs1(body);
    }

    private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private String s10(String service, String country) {
        String serial = digits(8);
        return service + serial + s10Check(serial) + country;
    }

    private static int s10Check(String serial) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (serial.charAt(i) - '0') * S10_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 0 : c == 11 ? 5 : c;
    }

    private String wrongS10(String n) {
        int right = n.charAt(10) - '0';
        int wrong = (right + 1 + random.nextInt(9)) % 10;
        return n.substring(0, 10) + wrong + n.substring(11);
    }

    private String dhl10() {
        String body = digits(9);
        return body + Long.parseLong(body) % 7;
    }

    private String dpd15() {
        String body = digits(14);
        int p = 36;
        for (int i = 0; i < body.length(); i++) {
            p += body.charAt(i) - '0';
            if (p > 36) {
                p -= 36;
            }
            p *= 2;
            if (p > 36) {
                p -= 37;
            }
        }
        int check = (37 - p) % 36;
        return body + "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(check);
    }

    /** Mod 10 with alternating weights from the left; check = (10 − sum mod 10) mod 10. */
    private static int mod10(String body, int firstWeight, int secondWeight) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? firstWeight : secondWeight);
        }
        return (10 - sum % 10) % 10;
    }

    /** GS1 mod 10: weight 3 on the digit next to the check digit, alternating 1, 3 going left. */
    private static int gs1(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int fromRight = body.length() - 1 - i;
            sum += (body.charAt(i) - '0') * (fromRight % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10;
    }

    // --- helpers ---

    /** The same number with a different last digit, drawn from 0..range-1 (7DR: 7–9 are never right). */
    private String wrongLast(String n, int range) {
        int right = n.charAt(n.length() - 1) - '0';
        int wrong = (right + 1 + random.nextInt(range - 1)) % range;
        return n.substring(0, n.length() - 1) + wrong;
    }

    private String maybeGroup(String n, int size) {
        return random.nextInt(4) == 0 ? group(n, size) : n;
    }

    private static String group(String n, int size) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n.length(); i += size) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(n, i, Math.min(n.length(), i + size));
        }
        return out.toString();
    }

    private static String fullWidth(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
        }
        return out.toString();
    }

    private String digits(int count) {
        char[] out = new char[count];
        for (int i = 0; i < count; i++) {
            out[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(out);
    }

    private String letter() {
        return String.valueOf((char) ('A' + random.nextInt(26)));
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
