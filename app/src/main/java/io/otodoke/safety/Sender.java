package io.otodoke.safety;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sender as given: an e-mail From ("Name &lt;a@b&gt;" or a bare address), or an SMS sender
 * (phone number or alphanumeric ID).
 *
 * @param text    the sender as given, NFKC-normalised
 * @param address the e-mail address, lower case, or null
 * @param domain  the address's domain, or null
 */
record Sender(String text, String address, String domain) {

    private static final Pattern ADDRESS = Pattern.compile("([A-Za-z0-9._%+-]*)@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    /**
     * §4.5 SMS_PERSONAL_NUMBER: a mobile number (070/080/090), +81 or another international number,
     * or a 0200 number; published examples mask digits with X.
     */
    private static final Pattern PERSONAL_NUMBER = Pattern.compile("^(0[789]0[0-9X]{8}|\\+?81[0-9X]{9,10}|\\+[0-9X]{8,15}|0200[0-9X]{6,7})(?![0-9])");

    static Sender of(String sender) {
        if (sender == null) {
            return new Sender("", null, null);
        }
        String s = java.text.Normalizer.normalize(sender, java.text.Normalizer.Form.NFKC);
        Matcher m = ADDRESS.matcher(s);
        if (m.find()) {
            String address = m.group().toLowerCase(Locale.ROOT);
            return new Sender(s, address, m.group(2).toLowerCase(Locale.ROOT));
        }
        return new Sender(s, null, null);
    }

    boolean personalNumber() {
        String digits = text.replaceAll("[\\s()\\-‐－ー]", "");
        return address == null && PERSONAL_NUMBER.matcher(digits).find();
    }
}
