package io.oncallhq.ingest.integration;

/** No integration has the presented key. Carries no part of the key. */
public class UnknownIntegrationKeyException extends RuntimeException {

    public UnknownIntegrationKeyException() {
        super("No integration has this key");
    }
}
