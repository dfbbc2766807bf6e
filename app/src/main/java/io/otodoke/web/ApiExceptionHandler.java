package io.otodoke.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST API as {@code application/problem+json}: malformed input is a 4xx the
 * client can act on, and an unexpected failure is a 500 without internals (logged here instead).
 * It also answers errors that happen before any controller is chosen (unknown path, wrong method
 * or content type): under {@code /api/} with a problem, elsewhere with the HTML error page.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, BodyTooLargeException.class)) {
            return problem(ProblemType.detail(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                    ex.getMostSpecificCause().getMessage()));
        }
        String reason = ex.getMostSpecificCause().getMessage();
        if (reason != null) {
            // Jackson's messages carry a source excerpt; the first line says what and where.
            reason = reason.lines().findFirst().orElse(reason);
            if (reason.length() > 300) {
                reason = reason.substring(0, 300) + "…";
            }
        }
        return problem(ProblemType.detail(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON of the expected shape: " + reason));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(BodyTooLargeException ex) {
        return problem(ProblemType.detail(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                ex.getMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest web && !isApi(web.getRequest())) {
            return errorPage(web.getResponse(), statusCode.value());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
        log.error("Unexpected error on {} {}", request.getMethod(), loggable(request.getRequestURI()), ex);
        if (!isApi(request)) {
            return errorPage(response, 500);
        }
        return problem(ProblemType.detail(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side; the request was not applied. Please try again."));
    }

    /** A path as it may be logged: a share link's token is a secret. */
    static String loggable(String path) {
        return path.replaceFirst("/s/[^/]+", "/s/…");
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /** Hands the error to the servlet container, which renders templates/error.html; nothing is returned here. */
    private static ResponseEntity<Object> errorPage(HttpServletResponse response, int status) {
        try {
            if (response != null && !response.isCommitted()) {
                response.sendError(status);
            }
        } catch (java.io.IOException e) {
            log.debug("Could not send the error page", e);
        }
        return null;
    }

    private static ResponseEntity<Object> problem(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
