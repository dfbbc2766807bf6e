package io.otodoke.connector;

/**
 * A payload that cannot be read as its source's: the only exception a parser lets out. Its
 * message says what was wrong in words an operator can act on; {@code kind} says which case it
 * is, and a {@link Kind#LAYOUT_CHANGED} raises a carrier-health alert.
 */
public class ParseException extends RuntimeException {

    public enum Kind {
        /** the page or document does not have the structure the parser knows: the source changed its layout */
        LAYOUT_CHANGED,
        /** broken JSON, XML or CSV, a truncated page, a wrong encoding */
        MALFORMED,
        /** larger than {@link Parsers#MAX_PAYLOAD_BYTES} */
        TOO_LARGE
    }

    private final Kind kind;

    public ParseException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ParseException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
