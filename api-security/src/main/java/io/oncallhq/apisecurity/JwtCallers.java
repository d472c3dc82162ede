package io.oncallhq.apisecurity;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A JWT's caller: named by {@code preferred_username}, else {@code sub}; its role is the highest of viewer, responder
 * and admin found in the configured claim (a string, or a list as Keycloak, Auth0 and Entra ID send; a nested claim
 * by its dotted path). No known role
 * means no authority: the caller is authenticated but may do nothing.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String roleClaim;

    JwtCallers(String roleClaim) {
        this.roleClaim = roleClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = role(jwt).map(Role::grantedAuthorities).orElse(List.of());
        return new JwtAuthenticationToken(jwt, authorities, name(jwt));
    }

    static String name(Jwt jwt) {
        String preferred = jwt.getClaimAsString("preferred_username");
        return preferred == null || preferred.isBlank() ? jwt.getSubject() : preferred;
    }

    Optional<Role> role(Jwt jwt) {
        Object claim = roleClaim(jwt.getClaims());
        Stream<?> values = claim instanceof Collection<?> many ? many.stream() : Stream.ofNullable(claim);
        return values.map(String::valueOf).map(Role::named).flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    /**
     * The claim of that name, else the dotted path into nested claims ({@code realm_access.roles} as Keycloak sends
     * it). The full name comes first because namespaced claims have dots of their own ({@code https://example.com/roles}).
     */
    private Object roleClaim(Map<String, Object> claims) {
        if (claims.containsKey(roleClaim)) {
            return claims.get(roleClaim);
        }
        Object nested = claims;
        for (String name : roleClaim.split("\\.")) {
            if (!(nested instanceof Map<?, ?> object)) {
                return null;
            }
            nested = object.get(name);
        }
        return nested;
    }
}
