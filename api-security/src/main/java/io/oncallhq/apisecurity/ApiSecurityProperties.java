package io.oncallhq.apisecurity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * {@code oncallhq.security.*}. JWTs are accepted only when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * is set; static tokens are configured by their SHA-256 hash, never in plain text, except {@code api-token} (an
 * admin token for the local run, hashed at startup).
 *
 * @param roleClaim       the JWT claim holding viewer, responder or admin (a string or a list: the highest counts)
 * @param apiToken        a plain admin token ({@code API_TOKEN}); blank is none
 * @param serviceApiToken the bearer token this service sends to the others ({@code SERVICE_API_TOKEN}); blank is none
 * @param apiTokens       static tokens, each with the person or system it belongs to, a role and the hex SHA-256 of
 *                        the token
 * @param maxRequestBody  the largest request body any endpoint takes (1 MB unless set)
 * @param corsAllowedOrigins the browser origins allowed to call the API across origins; none (the default) keeps
 *                           CORS closed
 */
@ConfigurationProperties("oncallhq.security")
public record ApiSecurityProperties(String roleClaim, String apiToken, String serviceApiToken,
                                    List<ConfiguredToken> apiTokens, DataSize maxRequestBody,
                                    List<String> corsAllowedOrigins) {

    public ApiSecurityProperties {
        maxRequestBody = maxRequestBody == null ? DataSize.ofMegabytes(1) : maxRequestBody;
        roleClaim = roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim;
        apiTokens = apiTokens == null ? List.of() : List.copyOf(apiTokens);
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of()
                : corsAllowedOrigins.stream().filter(origin -> !origin.isBlank()).toList();
    }

    /**
     * @param name        the person or system the token belongs to; what acts when it has no responder id
     * @param sha256      hex SHA-256 of the token, e.g. {@code printf %s "$TOKEN" | sha256sum}
     * @param responderId the on-call responder the token's holder is, if a person; blank is none (a system)
     */
    public record ConfiguredToken(String name, Role role, String sha256, String responderId) {

        public ConfiguredToken {
            responderId = responderId == null || responderId.isBlank() ? null : responderId.trim();
        }
    }
}
