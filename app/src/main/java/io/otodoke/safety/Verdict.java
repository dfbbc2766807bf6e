package io.otodoke.safety;

/**
 * The three outcomes of design/safety.md §0.1 — never "safe": a message without known red flags
 * may still be a scam. ({@code likely_phishing}, {@code suspicious}, {@code no_known_red_flags} in
 * the specification.)
 */
public enum Verdict {
    PHISHING, SUSPICIOUS, NO_KNOWN_SIGNALS
}
