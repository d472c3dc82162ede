package io.oncallhq.console.services;

/**
 * The service answered 4xx: the person's request was refused (not allowed, a stale version, invalid input).
 *
 * @see #detail() the service's own explanation from its problem+json body, safe to show
 */
public class ServiceRefusedException extends RuntimeException {

    private final Service service;
    private final int status;
    private final String detail;
    private final String body;

    public ServiceRefusedException(Service service, int status, String detail, String body) {
        super(service.displayName() + " refused the request (" + status + "): " + detail);
        this.service = service;
        this.status = status;
        this.detail = detail;
        this.body = body;
    }

    public Service service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    /** The whole answer, for callers that read more than the detail (a 412's current version). */
    public String body() {
        return body;
    }
}
