package io.otodoke.web;

import java.io.IOException;

/** The request body exceeded {@code otodoke.api.max-body-size}. */
public class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes; send smaller batches.");
    }
}
