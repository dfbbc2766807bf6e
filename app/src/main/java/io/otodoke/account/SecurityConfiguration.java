package io.otodoke.account;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.otodoke.web.MapProperties;
import io.otodoke.web.ProblemType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.ObjectMapper;

/**
 * Who may call what, in one place (docs/security.md). These rules run before any controller, so
 * before any data is read; which records a permitted caller then sees is its {@link Caller} scope,
 * applied inside the queries. An endpoint not listed is denied ({@link UnlistedEndpoints}).
 *
 * <p>The machine API is stateless and takes a bearer secret (API key or device token); pages use a
 * session with CSRF protection. The public lookup is open to everyone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final String SHOPPER = Role.SHOPPER.name(), OPERATOR = Role.OPERATOR.name(),
            SELLER = Role.SELLER.name(), DRIVER = Role.DRIVER.name(), ADMIN = Role.ADMIN.name();

    private final String contentSecurityPolicy;

    SecurityConfiguration(MapProperties map) {
        this.contentSecurityPolicy = contentSecurityPolicy(map);
    }

    /**
     * No inline scripts or styles anywhere; no framing. Images from this server, and from the live
     * map's tile server when that is elsewhere: its origin only, not any host.
     */
    static String contentSecurityPolicy(MapProperties map) {
        String tiles = map.tileOrigin().map(origin -> " " + origin).orElse("");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tiles
                + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, BearerTokenFilter bearer, UnlistedEndpoints unlisted, ObjectMapper json)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable()) // no cookies: a bearer secret cannot be sent by another site
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(bearer, BasicAuthenticationFilter.class)
                .headers(this::headers)
                .authorizeHttpRequests(auth -> auth
                        // public: no personal data, rate-limited
                        .requestMatchers(GET, "/api/v1/track", "/api/v1/carriers").permitAll()
                        .requestMatchers(POST, "/api/v1/tracking-numbers/detect").permitAll()
                        // the VAPID public key browsers subscribe to Web Push with: public by design
                        .requestMatchers(GET, "/api/v1/push/vapid-public-key").permitAll()
                        // webhooks: no credential, because the signature over the body is the
                        // authentication; WebhookApi checks it before anything is stored
                        .requestMatchers(POST, "/api/v1/webhooks/*").permitAll()
                        .requestMatchers(POST, "/api/v1/line/webhook").permitAll()
                        // driver phones (Traccar Client / OsmAnd protocol): no credential, because the
                        // protocol has none; the device id identifies the phone, as with Traccar, and a
                        // position is stored only for a device id an operator registered (docs/security.md)
                        .requestMatchers(GET, "/api/v1/positions/osmand").permitAll()
                        .requestMatchers(POST, "/api/v1/positions/osmand").permitAll()
                        // anyone with a credential: who am I
                        .requestMatchers(GET, "/api/v1/me").authenticated()
                        // a shop's data: its operator; a seller's own orders; administrators read all
                        .requestMatchers(POST, "/api/v1/events").hasRole(OPERATOR)
                        .requestMatchers(POST, "/api/v1/shipments").hasAnyRole(OPERATOR, SELLER)
                        .requestMatchers(GET, "/api/v1/shipments/attention", "/api/v1/shipments/*/inquiry")
                                .hasAnyRole(OPERATOR, SELLER, ADMIN)
                        .requestMatchers(GET, "/api/v1/shipments", "/api/v1/shipments/*", "/api/v1/orders/*")
                                .hasAnyRole(OPERATOR, SELLER, ADMIN)
                        .requestMatchers("/api/v1/shipments/*/share-links", "/api/v1/shipments/*/share-links/*")
                                .hasAnyRole(OPERATOR, SELLER, ADMIN)
                        // delivery changes (delivery module): the shop's staff read what may be changed and what
                        // was asked; the operator or the order's seller asks on a customer's behalf (administrators
                        // have no shop to act in; a shopper asks on the order page)
                        .requestMatchers(GET, "/api/v1/shipments/*/delivery-options", "/api/v1/shipments/*/delivery-changes")
                                .hasAnyRole(OPERATOR, SELLER, ADMIN)
                        .requestMatchers(POST, "/api/v1/shipments/*/delivery-changes").hasAnyRole(OPERATOR, SELLER)
                        // returns (returns module): the operator or the order's seller asks on the buyer's behalf,
                        // decides and gives the return's carrier number; administrators read; the operator sets the
                        // shop's refund policy (a shopper uses the pages under /orders)
                        .requestMatchers(POST, "/api/v1/orders/*/returns", "/api/v1/returns/*/approve",
                                "/api/v1/returns/*/reject", "/api/v1/returns/*/shipment", "/api/v1/returns/*/photos")
                                .hasAnyRole(OPERATOR, SELLER)
                        .requestMatchers(GET, "/api/v1/orders/*/returns", "/api/v1/returns", "/api/v1/returns/*",
                                "/api/v1/returns/*/photos/*").hasAnyRole(OPERATOR, SELLER, ADMIN)
                        .requestMatchers("/api/v1/return-policy").hasRole(OPERATOR)
                        // claims (claims module): filed and decided by the operator or the order's seller (for the
                        // customer); administrators read; the operator sets the shop's claim rules
                        .requestMatchers(POST, "/api/v1/shipments/*/claims", "/api/v1/claims/*/approve",
                                "/api/v1/claims/*/reject", "/api/v1/claims/*/photos").hasAnyRole(OPERATOR, SELLER)
                        .requestMatchers(GET, "/api/v1/claims", "/api/v1/claims/*", "/api/v1/claims/*/photos/*")
                                .hasAnyRole(OPERATOR, SELLER, ADMIN)
                        .requestMatchers("/api/v1/claim-rules").hasRole(OPERATOR)
                        // marketplace sellers (seller module): a seller adds the numbers of its own orders; the
                        // operator acts for the tenant's sellers (SellerShipments checks whose order it is)
                        .requestMatchers(POST, "/api/v1/seller/shipments", "/api/v1/seller/shipments/import")
                                .hasAnyRole(OPERATOR, SELLER)
                        .requestMatchers(GET, "/api/v1/seller/orders").hasAnyRole(OPERATOR, SELLER)
                        .requestMatchers(POST, "/api/v1/seller/orders").hasRole(OPERATOR)
                        // a fleet's vehicles and their positions: written by the tenant's operator only
                        // (an administrator has no tenant to write into); administrators read all vehicles
                        .requestMatchers(POST, "/api/v1/positions").hasRole(OPERATOR)
                        .requestMatchers(POST, "/api/v1/vehicles").hasRole(OPERATOR)
                        .requestMatchers(GET, "/api/v1/vehicles").hasAnyRole(OPERATOR, ADMIN)
                        // depots and routes: planned by the operator; a driver reads and works the routes
                        // assigned to them (Routes checks which); administrators read
                        .requestMatchers(POST, "/api/v1/depots").hasRole(OPERATOR)
                        .requestMatchers(GET, "/api/v1/depots").hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers(POST, "/api/v1/routes", "/api/v1/routes/import").hasRole(OPERATOR)
                        .requestMatchers(GET, "/api/v1/routes", "/api/v1/routes/*").hasAnyRole(OPERATOR, DRIVER, ADMIN)
                        // routing (issue 10): the shop's dispatcher plans and asks; the service checks the tenant
                        .requestMatchers(POST, "/api/v1/routing/plans", "/api/v1/routing/recommendations").hasRole(OPERATOR)
                        .requestMatchers(POST, "/api/v1/routes/*/start", "/api/v1/stops/*/arrived",
                                "/api/v1/stops/*/delivered", "/api/v1/stops/*/attempted").hasAnyRole(OPERATOR, DRIVER)
                        // a shipment's last mile and delivery photo: the shop's staff (photo views audited)
                        .requestMatchers(GET, "/api/v1/shipments/*/live", "/api/v1/shipments/*/proof-of-delivery/photo")
                                .hasAnyRole(OPERATOR, SELLER, ADMIN)
                        // notification subscriptions of the tenant's shipments and orders (a shopper
                        // subscribes to their own orders on the order page)
                        .requestMatchers("/api/v1/subscriptions", "/api/v1/subscriptions/*").hasRole(OPERATOR)
                        // the shop's webhook endpoints: its operator; an administrator reads
                        .requestMatchers(GET, "/api/v1/webhook-endpoints", "/api/v1/webhook-endpoints/*")
                                .hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers("/api/v1/webhook-endpoints", "/api/v1/webhook-endpoints/**").hasRole(OPERATOR)
                        // credentials and people
                        .requestMatchers(GET, "/api/v1/api-keys").hasAnyRole(OPERATOR, SELLER, ADMIN)
                        .requestMatchers(POST, "/api/v1/api-keys").hasAnyRole(OPERATOR, SELLER, ADMIN)
                        .requestMatchers(DELETE, "/api/v1/api-keys/*").hasAnyRole(OPERATOR, SELLER, ADMIN)
                        .requestMatchers(GET, "/api/v1/users").hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers(POST, "/api/v1/users").hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers(PUT, "/api/v1/users/*/role").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/v1/users/*/device-tokens").hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers(GET, "/api/v1/sellers").hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers(POST, "/api/v1/sellers").hasAnyRole(OPERATOR, ADMIN)
                        .requestMatchers("/api/v1/tenants").hasRole(ADMIN)
                        .requestMatchers(GET, "/api/v1/audit").hasRole(ADMIN)
                        // the connectors' health: carriers and counts, no personal data
                        .requestMatchers(GET, "/api/v1/connectors").hasAnyRole(OPERATOR, ADMIN)
                        // --- delivery figures (insights): the shop's operator; administrators across shops
                        .requestMatchers(GET, "/api/v1/insights/delivery").hasAnyRole(OPERATOR, ADMIN)
                        // --- multi-channel orders (fulfillment, MCF-shaped): a shop's own orders from its other
                        // channels; its operator only (ids are the shop's own, so an administrator has none to name)
                        .requestMatchers("/api/v1/fulfillment/**").hasRole(OPERATOR)
                        // --- the scam check (safety): public like the detector; it reads strings only and keeps
                        // nothing; a shopper's own parcels are compared only for that shopper's credential
                        .requestMatchers(POST, "/api/v1/safety/check").permitAll()
                        .anyRequest().access(unlisted))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(json, res, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "Credential required",
                                "Send an API key or device token as 'Authorization: Bearer <secret>'."))
                        .accessDeniedHandler((req, res, ex) -> problem(json, res, HttpStatus.FORBIDDEN, "forbidden",
                                "Forbidden", "This credential's role may not do that.")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SessionCheck sessionCheck, UnlistedEndpoints unlisted) throws Exception {
        var afterSignIn = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(jakarta.servlet.http.HttpServletRequest request,
                                                jakarta.servlet.http.HttpServletResponse response) {
                Caller caller = Caller.current();
                return caller == null ? "/" : home(caller.role());
            }
        };
        http.headers(this::headers)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/track", "/track/choice", "/login", "/s/*", "/error").permitAll()
                        // a share link's live view and photo: the token is the credential, checked by LiveApi
                        .requestMatchers(GET, "/s/*/live", "/s/*/live/stream", "/s/*/photo").permitAll()
                        // a share link's inquiry kit: the token is the credential, checked by InquiryPages
                        .requestMatchers(GET, "/s/*/inquiry").permitAll()
                        // a message's unsubscribe link: the signed token is the credential, checked by UnsubscribePage
                        .requestMatchers("/unsubscribe/*").permitAll()
                        // a share link holder's browser subscribing to Web Push: the token is the credential,
                        // checked by PushSubscriptionApi; the service worker must sit at the root for its scope
                        .requestMatchers(POST, "/s/*/push-subscriptions").permitAll()
                        .requestMatchers(DELETE, "/s/*/push-subscriptions").permitAll()
                        .requestMatchers(GET, "/sw.js").permitAll()
                        .requestMatchers("/css/**", "/js/**", "/map/**", "/webjars/**", "/favicon.svg").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/bench/static").permitAll() // exists only while a benchmark runs
                        .requestMatchers("/orders", "/orders/**").hasRole(SHOPPER)
                        .requestMatchers("/shipments", "/shipments/**").hasAnyRole(OPERATOR, SELLER, ADMIN)
                        .requestMatchers("/admin", "/admin/**", "/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/connectors").hasAnyRole(OPERATOR, ADMIN)
                        // the dispatcher's board of routes, vans and stops; its CSV upload is the operator's
                        // (DispatchPage refuses an administrator, who has no tenant to plan in)
                        .requestMatchers("/dispatch", "/dispatch/**").hasAnyRole(OPERATOR, ADMIN)
                        // the driver's phone page: today's own routes, outcomes and the phone's position
                        // (which routes and vans are theirs is decided by Routes)
                        .requestMatchers(GET, "/driver").hasRole(DRIVER)
                        .requestMatchers(POST, "/driver/routes/*/start", "/driver/stops/*/arrived",
                                "/driver/stops/*/delivered", "/driver/stops/*/attempted", "/driver/position")
                                .hasRole(DRIVER)
                        .requestMatchers("/attention").hasAnyRole(OPERATOR, SELLER, ADMIN)
                        // marketplace sellers (seller module): the seller's orders to ship; the operator's late list
                        .requestMatchers("/seller/orders", "/seller/orders/**", "/seller/contact").hasRole(SELLER)
                        .requestMatchers("/sellers/late").hasRole(OPERATOR)
                        // webhook endpoints; WebhookPage lets only the operator change them
                        .requestMatchers("/webhooks", "/webhooks/**").hasAnyRole(OPERATOR, ADMIN)
                        // --- delivery figures (insights module): the shop's operator; administrators across shops
                        .requestMatchers(GET, "/insights").hasAnyRole(OPERATOR, ADMIN)
                        // --- claims (claims module): the shop's staff list and decide (ClaimPages refuses an
                        // administrator's decision: no shop to act in); a shopper uses /orders/…/claim
                        .requestMatchers("/claims", "/claims/**").hasAnyRole(OPERATOR, SELLER, ADMIN)
                        // --- returns (returns module): the shop's staff list and decide return requests, like
                        // claims (Returns refuses an administrator's decision); a shopper uses /orders/…/returns
                        .requestMatchers("/returns", "/returns/**").hasAnyRole(OPERATOR, SELLER, ADMIN)
                        .requestMatchers("/account", "/account/**").authenticated()
                        // --- the scam check page (safety): a public service; its POST form carries the CSRF token
                        .requestMatchers(GET, "/check").permitAll()
                        .requestMatchers(POST, "/check").permitAll()
                        .anyRequest().access(unlisted))
                // one-click unsubscribe (RFC 8058) is a POST from the mail provider, without a session:
                // the signed token in the path authorises it, and it can do nothing but unsubscribe
                // A share link's push subscription uses no cookie or session, only the token in its path: a
                // forging site would need the token, and whoever has it may call this directly anyway; its
                // JSON body cannot come from a cross-site form either. The anonymous page so needs no session.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe/*", "/s/*/push-subscriptions"))
                .formLogin(form -> form.loginPage("/login").successHandler(afterSignIn).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/").permitAll())
                .addFilterAfter(sessionCheck, SecurityContextHolderFilter.class);
        return http.build();
    }

    /** Where a role lands after signing in. */
    static String home(Role role) {
        return switch (role) {
            case SHOPPER -> "/orders";
            case OPERATOR, SELLER -> "/shipments";
            case ADMIN -> "/admin";
            case DRIVER -> "/driver";
        };
    }

    /** CSP without inline code, no framing, HSTS on HTTPS requests (also behind a proxy that says so). */
    private void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    /** The bearer filter belongs to the API chain only, not to every request as a servlet filter. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerFilterOutsideTheChain(BearerTokenFilter filter) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** The session check belongs to the pages chain only. */
    @Bean
    FilterRegistrationBean<SessionCheck> sessionCheckOutsideTheChain(SessionCheck filter) {
        FilterRegistrationBean<SessionCheck> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    static void problem(ObjectMapper json, HttpServletResponse res, HttpStatus status, String code, String title,
                        String detail) throws IOException {
        res.setStatus(status.value());
        res.setContentType("application/problem+json");
        json.writeValue(res.getOutputStream(), ProblemType.detail(status, code, title, detail));
    }
}
