package io.otodoke.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The page languages: Japanese by default, English on request. {@code ?lang=en} or {@code ?lang=ja}
 * switches and is remembered in a cookie; without the cookie a browser that prefers English
 * (Accept-Language) gets English. Other languages are ignored, so a page is always in one of the
 * two languages its bundles are complete for.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    static final String PARAM = "lang";
    static final String COOKIE = "otodoke-lang";
    static final List<Locale> SUPPORTED = List.of(Locale.JAPANESE, Locale.ENGLISH);

    /** The bean name DispatcherServlet looks up. */
    @Bean
    LocaleResolver localeResolver() {
        return new Resolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PARAM);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** ja or en for any locale of those languages ("en-US" is en), else null. */
    static Locale supported(Locale locale) {
        if (locale == null) {
            return null;
        }
        return SUPPORTED.stream().filter(s -> s.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
    }

    private static final class Resolver extends CookieLocaleResolver {

        Resolver() {
            super(COOKIE);
            setCookieMaxAge(Duration.ofDays(365));
            setDefaultLocaleFunction(Resolver::fromBrowser);
        }

        /** The first of the browser's preferred languages that we have; Japanese when none. */
        private static Locale fromBrowser(HttpServletRequest request) {
            if (request.getHeader("Accept-Language") == null) {
                return Locale.JAPANESE;
            }
            return Collections.list(request.getLocales()).stream().map(Languages::supported)
                    .filter(l -> l != null).findFirst().orElse(Locale.JAPANESE);
        }

        @Override
        protected Locale parseLocaleValue(String value) {
            return supported(super.parseLocaleValue(value));
        }

        @Override
        public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
            Locale locale = context == null ? null : supported(context.getLocale());
            if (locale != null) {
                super.setLocaleContext(request, response, () -> locale);
            }
        }
    }
}
