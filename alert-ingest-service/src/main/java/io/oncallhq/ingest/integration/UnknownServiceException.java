package io.oncallhq.ingest.integration;

/** incident-service's catalogue has no service with this id. */
public class UnknownServiceException extends RuntimeException {

    private final String serviceId;

    public UnknownServiceException(String serviceId) {
        super("incident-service has no service " + serviceId);
        this.serviceId = serviceId;
    }

    public String serviceId() {
        return serviceId;
    }
}
