package io.oncallhq.apisecurity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWTs checked against a real OIDC issuer: Spring Boot discovers it from {@code issuer-uri} and fetches its keys,
 * and the role comes from a nested claim, as Keycloak sends it.
 */
@TestPropertySource(properties = "oncallhq.security.role-claim=realm_access.roles")
class OidcIssuerIT extends RunningTinyApi {

    private static final TestOidcIssuer ISSUER = TestOidcIssuer.start();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::uri);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    private HttpResponse<String> act(String token) throws Exception {
        return send("POST", "/actions", "Authorization", "Bearer " + token);
    }

    private static String withRoles(String... roles) {
        return ISSUER.sign(ISSUER.claims().claim("realm_access", Map.of("roles", List.of(roles))));
    }

    private static void assertRefusedAsInvalid(HttpResponse<String> answer, String token) {
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
        assertThat(answer.body()).contains("\"status\":401", "is not valid").doesNotContain(token);
    }

    @Test
    void aResponderTokenFromTheIssuerActsAsItsPreferredUsername() throws Exception {
        HttpResponse<String> answer = act(withRoles("offline_access", "responder"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("done by alice");
    }

    @Test
    void aViewerTokenIsForbiddenToAct() throws Exception {
        HttpResponse<String> answer = act(withRoles("viewer"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("\"status\":403");
    }

    @Test
    void aRoleOutsideTheConfiguredClaimCountsForNothing() throws Exception {
        String topLevelRoles = ISSUER.sign(ISSUER.claims().claim("roles", List.of("admin")));

        assertThat(act(topLevelRoles).statusCode()).isEqualTo(403);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String expired = ISSUER.sign(ISSUER.claims().claim("realm_access", Map.of("roles", List.of("responder")))
                .issueTime(Date.from(anHourAgo)).expirationTime(Date.from(anHourAgo.plus(Duration.ofMinutes(5)))));

        assertRefusedAsInvalid(act(expired), expired);
    }

    @Test
    void aTokenNamingAnotherIssuerIsRefusedEvenWithTheRightSignature() throws Exception {
        String elsewhere = ISSUER.sign(ISSUER.claims().issuer("https://idp.elsewhere.example")
                .claim("realm_access", Map.of("roles", List.of("responder"))));

        assertRefusedAsInvalid(act(elsewhere), elsewhere);
    }

    @Test
    void aTokenSignedWithAKeyTheIssuerNeverPublishedIsRefused() throws Exception {
        String forged = ISSUER.signWithUnpublishedKey(ISSUER.claims()
                .claim("realm_access", Map.of("roles", List.of("admin"))));

        assertRefusedAsInvalid(act(forged), forged);
    }
}
