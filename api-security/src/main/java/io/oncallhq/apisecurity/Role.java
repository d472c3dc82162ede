package io.oncallhq.apisecurity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a caller may do. Each role includes the ones below it: viewer (read) &lt; responder &lt; admin. */
public enum Role {
    /** Reads everything. */
    VIEWER,
    /** Acknowledges, resolves, writes notes and post-mortems. */
    RESPONDER,
    /** Changes on-call configuration, integrations and silences. */
    ADMIN;

    /** The authority a rule asks for. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** This role's authority and those of every role below it, so a rule names only the least role it needs. */
    public List<GrantedAuthority> grantedAuthorities() {
        return Arrays.stream(values()).filter(role -> role.ordinal() <= ordinal())
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    /** {@code viewer}, {@code responder} or {@code admin}, any case; anything else is no role. */
    public static Optional<Role> named(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equals(name.trim().toUpperCase(Locale.ROOT)))
                .findFirst();
    }
}
