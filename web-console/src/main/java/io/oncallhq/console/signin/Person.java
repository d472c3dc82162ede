package io.oncallhq.console.signin;

/**
 * Who is signed in, as the pages see it: the name post-mortems record and the role the services granted the token.
 * Never carries the token.
 */
public record Person(String name, Role role) {

    public boolean canRespond() {
        return role.includes(Role.RESPONDER);
    }

    public boolean isAdmin() {
        return role.includes(Role.ADMIN);
    }

    public String roleName() {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }
}
