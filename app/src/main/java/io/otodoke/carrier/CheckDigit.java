package io.otodoke.carrier;

/**
 * The check-digit algorithms of tracking-numbers.md §3, each applied to the normalised number N
 * after its rule's shape matched (so N has the rule's length and character classes).
 */
public enum CheckDigit {

    /** §3.1–§3.3: all digits but the last, read as one integer, mod 7 (7DR; the 11-digit body needs a long). */
    MOD7("mod 7", false) {
        @Override
        boolean accepts(String n) {
            int last = n.length() - 1;
            return Long.parseLong(n.substring(0, last)) % 7 == digit(n, last);
        }
    },

    /** §3.4 FedEx Express 12: weights 3,1,7 over N[0..10]; mod 11, then mod 10. */
    FEDEX_12("FedEx 12 (3,1,7 mod 11)", false) {
        @Override
        boolean accepts(String n) {
            int[] weights = {3, 1, 7};
            int sum = 0;
            for (int i = 0; i < 11; i++) {
                sum += digit(n, i) * weights[i % 3];
            }
            return sum % 11 % 10 == digit(n, 11);
        }
    },

    /** §3.5 FedEx Ground 15: mod 10 over N[0..13], weights 1,3 from the left. */
    FEDEX_15("mod 10 (1,3)", true) {
        @Override
        boolean accepts(String n) {
            return mod10(n, 0, 13, 1, 3) == digit(n, 14);
        }
    },

    /** §3.6 FedEx Ground 96: mod 10 over the serial N[7..20], weights 1,3 from the left. */
    FEDEX_96("mod 10 (1,3) over the serial", false) {
        @Override
        boolean accepts(String n) {
            return mod10(n, 7, 20, 1, 3) == digit(n, 21);
        }
    },

    /** §3.7 UPS 1Z: mod 10 over N[2..16], a letter counts as (ASCII − 3) mod 10, weights 1,2. */
    UPS_1Z("mod 10 (1,2)", false) {
        @Override
        boolean accepts(String n) {
            return mod10(n, 2, 16, 1, 2) == digit(n, 17);
        }
    },

    /** §3.8 UPS waybill: mod 10 over N[1..9], weights 1,2. */
    UPS_WAYBILL("mod 10 (1,2)", false) {
        @Override
        boolean accepts(String n) {
            return mod10(n, 1, 9, 1, 2) == digit(n, 10);
        }
    },

    /** §3.9 USPS 20: GS1 mod 10 over N[0..18], or over "91" + N[0..18] (legacy form, implied AI 91). */
    USPS_20("GS1 mod 10, or with implied 91", false) {
        @Override
        boolean accepts(String n) {
            String body = n.substring(0, 19);
            int check = digit(n, 19);
            return gs1(body) == check || gs1("91" + body) == check;
        }
    },

    /** §3.10 USPS IMpb: GS1 mod 10 over all digits but the last. */
    GS1_MOD10("GS1 mod 10", true) {
        @Override
        boolean accepts(String n) {
            int last = n.length() - 1;
            return gs1(n.substring(0, last)) == digit(n, last);
        }
    },

    /**
     * §3.11 UPU S10 (also Yanwen, §3.12): weights 8,6,4,2,3,5,9,7 over the serial N[2..9];
     * C = 11 − (S mod 11), with 10 → 0 and 11 → 5.
     */
    S10("S10 mod 11", false) {
        @Override
        boolean accepts(String n) {
            int[] weights = {8, 6, 4, 2, 3, 5, 9, 7};
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += digit(n, 2 + i) * weights[i];
            }
            int c = 11 - sum % 11;
            if (c == 10) {
                c = 0;
            } else if (c == 11) {
                c = 5;
            }
            return c == digit(n, 10);
        }
    },

    /** §3.13 DPD: ISO 7064 MOD 37,36 (hybrid) over all characters but the last; the check is 0-9A-Z. */
    MOD37_36("ISO 7064 MOD 37,36", true) {
        @Override
        boolean accepts(String n) {
            int last = n.length() - 1;
            int p = 36;
            for (int i = 0; i < last; i++) {
                p += value(n.charAt(i));
                if (p > 36) {
                    p -= 36;
                }
                p *= 2;
                if (p > 36) {
                    p -= 37;
                }
            }
            int check = 37 - p;
            if (check == 36) {
                check = 0;
            }
            return check == value(n.charAt(last));
        }
    },

    /** §3.14: formats without a check digit; only the shape is checked. */
    NONE("none", false) {
        @Override
        boolean accepts(String n) {
            return true;
        }
    };

    private final String label;
    private final boolean catchesEverySingleDigitError;

    CheckDigit(String label, boolean catchesEverySingleDigitError) {
        this.label = label;
        this.catchesEverySingleDigitError = catchesEverySingleDigitError;
    }

    /** Whether N (already of the rule's shape) carries a correct check digit. */
    abstract boolean accepts(String n);

    public String label() {
        return label;
    }

    /**
     * True when changing any one digit of a valid number always breaks the check. Mod 7 misses a
     * change by ±7, weights 1,2 mod 10 miss a change by 5 under weight 2, mod 11 → mod 10 folds
     * two remainders into one, and FedEx 96 leaves N[2..6] unchecked.
     */
    public boolean catchesEverySingleDigitError() {
        return catchesEverySingleDigitError;
    }

    private static int digit(String n, int i) {
        return n.charAt(i) - '0';
    }

    /** 0–9 are themselves, A = 10 … Z = 35 (§3.13). */
    private static int value(char c) {
        return c <= '9' ? c - '0' : c - 'A' + 10;
    }

    /**
     * Mod 10 over N[from..to] with weights alternating from the left; a letter counts as
     * (ASCII code − 3) mod 10 (§3.7). Check = (10 − sum mod 10) mod 10.
     */
    private static int mod10(String n, int from, int to, int firstWeight, int secondWeight) {
        int sum = 0;
        for (int i = from; i <= to; i++) {
            char c = n.charAt(i);
            int v = c <= '9' ? c - '0' : (c - 3) % 10;
            sum += v * ((i - from) % 2 == 0 ? firstWeight : secondWeight);
        }
        return (10 - sum % 10) % 10;
    }

    /** GS1 mod 10: weight 3 next to the check digit, alternating 3,1 going left. */
    private static int gs1(String body) {
        int sum = 0;
        for (int i = body.length() - 1, w = 3; i >= 0; i--, w = 4 - w) {
            sum += (body.charAt(i) - '0') * w;
        }
        return (10 - sum % 10) % 10;
    }
}
