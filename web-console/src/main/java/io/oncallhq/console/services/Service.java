package io.oncallhq.console.services;

/** A service the console calls, named as the part of a page it serves says when it does not answer. */
public enum Service {
    INCIDENTS("incident-service"),
    ALERT_INGEST("alert-ingest-service"),
    POSTMORTEMS("postmortem-service");

    private final String displayName;

    Service(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
