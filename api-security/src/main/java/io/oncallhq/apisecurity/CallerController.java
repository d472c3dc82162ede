package io.oncallhq.apisecurity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /me}: who the bearer token belongs to and what it may do, as every service sees it. A client acting for
 * a person (the web console) learns the person's role and name here instead of guessing them.
 */
@RestController
class CallerController {

    /**
     * @param name        the token's owner: a static token's name, or a JWT's user
     * @param responderId the responder the token acts as; null for a system's token
     * @param role        {@code viewer}, {@code responder} or {@code admin}: the highest the token has
     */
    record Caller(String name, String responderId, String role) {
    }

    @GetMapping("/me")
    Caller me() {
        ApiCaller caller = ApiCaller.current().orElseThrow();
        return new Caller(caller.name(), caller.responderId(), highestRole().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Role highestRole() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Set<String> granted = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return Arrays.stream(Role.values()).filter(role -> granted.contains(role.authority()))
                .max(Comparator.naturalOrder()).orElseThrow();
    }
}
