package io.oncallhq.console.signin;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Arrays;
import java.util.List;

/** The services' roles, each including the ones before it; the console shows only what the role may do. */
public enum Role {
    VIEWER, RESPONDER, ADMIN;

    /** {@code ROLE_VIEWER} for a viewer, {@code ROLE_VIEWER} and {@code ROLE_RESPONDER} for a responder, and so on. */
    public List<GrantedAuthority> authorities() {
        return Arrays.stream(values()).filter(role -> role.ordinal() <= ordinal())
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }
}
