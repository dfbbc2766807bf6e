package io.otodoke.fleet;

/** A position report that cannot be accepted, with the field at fault and a sentence a user can act on. */
public class InvalidPosition extends RuntimeException {

    private final String field;

    public InvalidPosition(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
