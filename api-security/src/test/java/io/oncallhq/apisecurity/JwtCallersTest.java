package io.oncallhq.apisecurity;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JwtCallersTest {

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("user-123")
                .issuedAt(Instant.parse("2026-11-22T10:00:00Z"));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void theCallerIsNamedByPreferredUsernameElseBySubject() {
        JwtCallers callers = new JwtCallers("roles");

        assertThat(callers.convert(jwt(Map.of("preferred_username", "alice"))).getName()).isEqualTo("alice");
        assertThat(callers.convert(jwt(Map.of())).getName()).isEqualTo("user-123");
    }

    @Test
    void theHighestKnownRoleInTheConfiguredClaimCounts() {
        AbstractAuthenticationToken caller = new JwtCallers("groups")
                .convert(jwt(Map.of("groups", List.of("viewer", "staff", "responder"))));

        assertThat(caller.getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_VIEWER", "ROLE_RESPONDER");
    }

    @Test
    void aSingleStringClaimIsARoleToo() {
        assertThat(new JwtCallers("role").convert(jwt(Map.of("role", "admin"))).getAuthorities()).hasSize(3);
    }

    @Test
    void aDottedRoleClaimReadsANestedClaimAsKeycloakSendsIt() {
        AbstractAuthenticationToken caller = new JwtCallers("realm_access.roles")
                .convert(jwt(Map.of("realm_access", Map.of("roles", List.of("offline_access", "responder")))));

        assertThat(caller.getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_VIEWER", "ROLE_RESPONDER");
    }

    @Test
    void aClaimWhoseOwnNameHasDotsIsReadByThatName() {
        assertThat(new JwtCallers("https://oncall.example.com/roles")
                .convert(jwt(Map.of("https://oncall.example.com/roles", List.of("admin")))).getAuthorities())
                .hasSize(3);
    }

    @Test
    void aTokenWithoutAKnownRoleMayDoNothing() {
        assertThat(new JwtCallers("roles").convert(jwt(Map.of("roles", List.of("superuser")))).getAuthorities())
                .isEmpty();
        assertThat(new JwtCallers("roles").convert(jwt(Map.of("scope", "admin"))).getAuthorities()).isEmpty();
        assertThat(new JwtCallers("realm_access.roles").convert(jwt(Map.of("realm_access", "admin"))).getAuthorities())
                .isEmpty();
    }
}
