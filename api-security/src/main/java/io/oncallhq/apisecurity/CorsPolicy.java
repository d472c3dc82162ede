package io.oncallhq.apisecurity;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.CorsConfigurer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * Cross-origin calls from browsers ({@code oncallhq.security.cors-allowed-origins}): closed unless origins are
 * configured, then open to exactly those. Callers send bearer tokens, never cookies, so credentials stay off. A
 * preflight is answered by Spring Security's CORS filter, ahead of authentication.
 */
final class CorsPolicy {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "If-Match");
    /** What a browser script may read from an answer: versions, new resources, pages, back-off. */
    private static final List<String> EXPOSED_HEADERS = List.of("ETag", "Location", "Link", "Retry-After");

    private CorsPolicy() {
    }

    static Customizer<CorsConfigurer<HttpSecurity>> allowing(List<String> origins) {
        if (origins.isEmpty()) {
            return AbstractHttpConfigurer::disable;
        }
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(METHODS);
        cors.setAllowedHeaders(REQUEST_HEADERS);
        cors.setExposedHeaders(EXPOSED_HEADERS);
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return configurer -> configurer.configurationSource(source);
    }
}
