package io.otodoke.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout ({@code templates/fragments/layout.html}) needs on every page, Spring
 * Boot's error page included: the demo banner, the page language and the links that switch it,
 * whether someone is signed in and in which role (the menu differs by role), and the path, so that
 * the menu can mark the current section. Not for the JSON API, which has no layout.
 */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class LayoutAttributes {

    private final boolean demo;
    private final double demoSpeed;

    LayoutAttributes(@Value("${otodoke.demo.enabled:false}") boolean demo,
                     @Value("${otodoke.demo.speed:60}") double demoSpeed) {
        this.demo = demo;
        this.demoSpeed = demoSpeed;
    }

    @ModelAttribute
    void layout(Model model, Locale locale, Principal principal, HttpServletRequest request) {
        model.addAttribute("demo", demo);
        model.addAttribute("demoSpeed", demoSpeed);
        model.addAttribute("lang", locale.getLanguage());
        Map<String, String> links = new LinkedHashMap<>();
        for (Locale l : Languages.SUPPORTED) {
            links.put(l.getLanguage(), sameAddressIn(l.getLanguage(), request));
        }
        model.addAttribute("langLinks", links);
        model.addAttribute("signedIn", principal != null);
        model.addAttribute("role", principal instanceof Authentication auth ? role(auth) : null);
        model.addAttribute("path", request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** The role name (SHOPPER, OPERATOR, …) of a signed-in user, from its {@code ROLE_} authority. */
    private static String role(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length()))
                .findFirst().orElse(null);
    }

    /**
     * A link to the same page in another language: only a query string, so that the browser
     * keeps the path it shows (also on error pages, where the request path is {@code /error}).
     * The other parameters of a GET are kept (a lookup stays a lookup); a POST's never are.
     */
    static String sameAddressIn(String language, HttpServletRequest request) {
        StringJoiner query = new StringJoiner("&", "?", "");
        if ("GET".equals(request.getMethod()) && request.getDispatcherType() != DispatcherType.ERROR) {
            request.getParameterMap().forEach((name, values) -> {
                if (!name.equals(Languages.PARAM)) {
                    for (String value : values) {
                        query.add(encode(name) + "=" + encode(value));
                    }
                }
            });
        }
        query.add(Languages.PARAM + "=" + language);
        return query.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
