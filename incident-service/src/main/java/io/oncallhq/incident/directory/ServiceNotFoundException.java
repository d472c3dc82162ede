package io.oncallhq.incident.directory;

/** An alert or request names a service the on-call model does not know. */
public class ServiceNotFoundException extends RuntimeException {

    public ServiceNotFoundException(String serviceId) {
        super("No service " + serviceId);
    }
}
