package io.otodoke.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders pages for people, as opposed to the JSON API: its model gets what
 * the shared layout needs ({@link LayoutAttributes}), and its failures are shown as an HTML error
 * page in that layout ({@link PageErrors}), not as problem+json.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {
}
