package io.otodoke.notify;

/** What a {@link Channel} answers for one message. */
public record Delivery(Outcome outcome, String detail) {

    public enum Outcome {
        /** the receiver accepted it */
        SENT,
        /** not now: the dispatcher tries again later, with exponential backoff */
        RETRY,
        /** never: the dispatcher gives up on this message */
        REJECTED
    }

    public static Delivery sent() {
        return new Delivery(Outcome.SENT, null);
    }

    /** @param detail why, for the operator; no secrets and no message content */
    public static Delivery retry(String detail) {
        return new Delivery(Outcome.RETRY, detail);
    }

    public static Delivery rejected(String detail) {
        return new Delivery(Outcome.REJECTED, detail);
    }
}
