package io.oncallhq.ingest.integration;

/** No integration has this id. */
public class IntegrationNotFoundException extends RuntimeException {

    public IntegrationNotFoundException(String integrationId) {
        super("No integration " + integrationId);
    }
}
