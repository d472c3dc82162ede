package io.oncallhq.ingest.integration;

/** No integration of the endpoint's type has the presented key. Carries no part of the key. */
public class UnknownIntegrationKeyException extends RuntimeException {

    public UnknownIntegrationKeyException(IntegrationType type) {
        super("No " + type.wireName() + " integration has this key");
    }
}
