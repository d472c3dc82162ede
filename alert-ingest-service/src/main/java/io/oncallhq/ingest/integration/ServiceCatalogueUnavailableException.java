package io.oncallhq.ingest.integration;

/** incident-service could not say whether a service exists; nothing was stored, the caller may retry. */
public class ServiceCatalogueUnavailableException extends RuntimeException {

    public ServiceCatalogueUnavailableException(String reason) {
        super("incident-service could not be asked whether the service exists (" + reason + ")");
    }
}
