package io.otodoke.safety;

/**
 * Links from messages are shown as inert text (design/safety.md §0.2): {@code hxxps://example[.]com/…}.
 */
final class Defang {

    static final int MAX_SHOWN = 160;

    private Defang() {
    }

    static String url(String scheme, String host, String rest) {
        String s = scheme.isEmpty() ? "" : scheme.replace("http", "hxxp") + "://";
        String shown = s + host.replace(".", "[.]") + rest;
        return shown.length() > MAX_SHOWN ? shown.substring(0, MAX_SHOWN) + "…" : shown;
    }
}
