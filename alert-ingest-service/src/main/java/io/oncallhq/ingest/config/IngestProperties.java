package io.oncallhq.ingest.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Map;

/**
 * The service's own settings.
 *
 * @param maxBodySize     larger request bodies are refused with 413 before they are parsed
 * @param rawPayloadLimit how much of the sender's body travels with the event as evidence
 * @param retryAfter      what a 503 tells the sender to wait before retrying
 * @param demo            the demo integration seeded on a local run
 * @param rateLimit       requests each integration may send
 * @param incidentService where the catalogue of services is, asked when an integration is created
 * @param keyCacheTtl     how long an accepted integration key is remembered without asking the database
 */
@ConfigurationProperties("ingest")
public record IngestProperties(DataSize maxBodySize, DataSize rawPayloadLimit, Duration retryAfter, Demo demo,
                               RateLimit rateLimit, IncidentService incidentService, Duration keyCacheTtl) {

    public IngestProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(512) : maxBodySize;
        rawPayloadLimit = rawPayloadLimit == null ? DataSize.ofKilobytes(16) : rawPayloadLimit;
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
        demo = demo == null ? new Demo(false, null) : demo;
        rateLimit = rateLimit == null ? new RateLimit(0, null, null) : rateLimit;
        incidentService = incidentService == null ? new IncidentService(null, null) : incidentService;
        keyCacheTtl = keyCacheTtl == null ? Duration.ofSeconds(10) : keyCacheTtl;
    }

    /**
     * @param url     incident-service's base URL
     * @param timeout bounds connecting and answering; beyond it the admin API answers 503
     */
    public record IncidentService(String url, Duration timeout) {

        public IncidentService {
            url = url == null ? "http://localhost:8082" : url.replaceAll("/+$", "");
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        }
    }

    /**
     * @param requestsPerPeriod what every integration may send per period (default 100)
     * @param period            the refresh period (default 1 s)
     * @param perIntegration    integration id → its own requests per period, overriding the default
     */
    public record RateLimit(int requestsPerPeriod, Duration period, Map<String, Integer> perIntegration) {

        public RateLimit {
            requestsPerPeriod = requestsPerPeriod <= 0 ? 100 : requestsPerPeriod;
            period = period == null ? Duration.ofSeconds(1) : period;
            perIntegration = perIntegration == null ? Map.of() : Map.copyOf(perIntegration);
        }
    }

    /** @param seed whether to upsert the demo integration at startup; then {@code integrationKey} is required */
    public record Demo(boolean seed, String integrationKey) {

        public Demo {
            if (seed && (integrationKey == null || integrationKey.isBlank())) {
                throw new IllegalArgumentException(
                        "DEMO_SEED is true but DEMO_INTEGRATION_KEY is empty: set the key the demo integration should accept");
            }
        }

        @Override
        public String toString() {
            return "Demo[seed=" + seed + ", integrationKey=" + (integrationKey == null ? "none" : "(hidden)") + "]";
        }
    }
}
