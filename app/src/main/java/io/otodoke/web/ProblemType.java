package io.otodoke.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problem types: each error a client can get has a stable {@code type}
 * ({@code urn:otodoke:problem:<code>}), listed in docs/api.md.
 */
public final class ProblemType {

    public static final String PREFIX = "urn:otodoke:problem:";

    private ProblemType() {
    }

    public static ProblemDetail detail(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(PREFIX + code));
        p.setTitle(title);
        return p;
    }

    /** An exception that Spring MVC renders as this problem. */
    public static ErrorResponseException exception(HttpStatus status, String code, String title, String detail) {
        return new ErrorResponseException(status, detail(status, code, title, detail), null);
    }

    /** 400 for one bad field of a request: type {@code invalid-<field>}, with the field named. */
    public static ErrorResponseException invalidField(String field, String detail) {
        ErrorResponseException e = exception(HttpStatus.BAD_REQUEST, "invalid-" + field.toLowerCase(), "Invalid " + field, detail);
        e.getBody().setProperty("field", field);
        return e;
    }

    public static ErrorResponseException notFound(String what) {
        return exception(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found");
    }
}
