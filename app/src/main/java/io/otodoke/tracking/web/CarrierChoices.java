package io.otodoke.tracking.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The carrier a visitor chose for a number that fits several (tracking-numbers.md §5.3), kept in
 * the visitor's own browser: the server stores nothing about anonymous lookups. The cookie holds
 * at most {@link #MAX} pairs {@code NUMBER:carrier}, newest first, joined by {@code |}; anything
 * that does not look like a normalised number and a carrier code is dropped when read.
 */
final class CarrierChoices {

    static final String COOKIE = "otodoke-carriers";
    static final int MAX = 40;

    private static final Pattern NUMBER = Pattern.compile("[0-9A-Z]{1,64}");
    private static final Pattern CARRIER = Pattern.compile("[a-z0-9_]{1,32}");

    private CarrierChoices() {
    }

    /** Normalised number → chosen carrier code, newest first. */
    static Map<String, String> read(HttpServletRequest request) {
        Map<String, String> choices = new LinkedHashMap<>();
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return choices;
        }
        for (Cookie cookie : cookies) {
            if (!COOKIE.equals(cookie.getName()) || cookie.getValue() == null) {
                continue;
            }
            for (String pair : cookie.getValue().split("\\|")) {
                int colon = pair.indexOf(':');
                if (colon < 0 || choices.size() >= MAX) {
                    continue;
                }
                String number = pair.substring(0, colon);
                String carrier = pair.substring(colon + 1);
                if (NUMBER.matcher(number).matches() && CARRIER.matcher(carrier).matches()) {
                    choices.putIfAbsent(number, carrier);
                }
            }
        }
        return choices;
    }

    /** The choices with {@code number → carrier} as the newest, or without {@code number} when carrier is null. */
    static Map<String, String> with(Map<String, String> choices, String number, String carrier) {
        Map<String, String> next = new LinkedHashMap<>();
        if (carrier != null) {
            next.put(number, carrier);
        }
        choices.forEach((n, c) -> {
            if (!n.equals(number) && next.size() < MAX) {
                next.put(n, c);
            }
        });
        return next;
    }

    static void write(Map<String, String> choices, HttpServletRequest request, HttpServletResponse response) {
        StringJoiner value = new StringJoiner("|");
        choices.forEach((n, c) -> value.add(n + ":" + c));
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value.toString())
                .path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure())
                .maxAge(choices.isEmpty() ? Duration.ZERO : Duration.ofDays(365))
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
