package io.oncallhq.console.signin;

import java.io.Serial;
import java.io.Serializable;

/**
 * The principal of a token sign-in: kept in the server-side session only, so the token never reaches the browser.
 * {@link #toString()} leaves the token out, so no log line can carry it.
 */
record TokenHolder(Person person, String token) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return person.name() + " (" + person.roleName() + ")";
    }
}
