package io.oncallhq.postmortem.team;

/** incident-service could not say who belongs to a team (down, slow or failing); answered as 503. */
public class TeamsUnavailableException extends RuntimeException {

    public TeamsUnavailableException(String teamId, Throwable cause) {
        super("incident-service could not be asked who belongs to team " + teamId + ": " + cause.getMessage(), cause);
    }
}
