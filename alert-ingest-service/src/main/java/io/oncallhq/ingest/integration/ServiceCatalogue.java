package io.oncallhq.ingest.integration;

import io.oncallhq.apisecurity.ServiceToken;
import io.oncallhq.ingest.config.IngestProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * incident-service owns the catalogue of services; ingest asks it ({@code GET /services/{id}}) before an
 * integration is tied to a service. Bounded by a timeout, so the admin API answers 503 rather than hanging.
 */
@Component
class ServiceCatalogue {

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final ServiceToken token;

    ServiceCatalogue(IngestProperties properties, ServiceToken token) {
        this.token = token;
        this.baseUrl = properties.incidentService().url();
        this.timeout = properties.incidentService().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @throws ServiceCatalogueUnavailableException when incident-service does not answer yes or no in time */
    boolean exists(String serviceId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/services/" + URLEncoder.encode(serviceId, StandardCharsets.UTF_8)))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        token.authorization().ifPresent(bearer -> request.header("Authorization", bearer));
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new ServiceCatalogueUnavailableException(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCatalogueUnavailableException("interrupted");
        }
        return switch (status) {
            case 200 -> true;
            case 404 -> false;
            default -> throw new ServiceCatalogueUnavailableException("incident-service answered " + status);
        };
    }
}
