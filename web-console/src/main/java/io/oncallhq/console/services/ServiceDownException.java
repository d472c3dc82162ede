package io.oncallhq.console.services;

/** The service did not answer in time, or answered with a server error: its part of the page says so. */
public class ServiceDownException extends RuntimeException {

    private final Service service;

    public ServiceDownException(Service service) {
        super(service.displayName() + " is not answering right now. Try again in a moment.");
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
