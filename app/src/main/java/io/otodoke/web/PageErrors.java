package io.otodoke.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Failures of page controllers become the servlet container's error page, which Spring Boot
 * renders with {@code templates/error.html} in the shared layout. Ordered before the API's
 * handler, which would otherwise answer a browser with problem+json.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(Exception.class)
    void failed(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = ex instanceof ErrorResponse e ? e.getStatusCode().value() : 500;
        if (status >= 500) {
            log.error("Unexpected error on {} {}", request.getMethod(), ApiExceptionHandler.loggable(request.getRequestURI()), ex);
        }
        response.sendError(status);
    }
}
