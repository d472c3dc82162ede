package io.oncallhq.ingest.integration;

import io.oncallhq.ingest.config.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * On a local run ({@code DEMO_SEED=true}) upserts the shared demo integration, so the printed curl works.
 * Runs while the context starts, before the web server accepts requests.
 */
@Component
@ConditionalOnBooleanProperty("ingest.demo.seed")
class DemoSeed implements InitializingBean {

    static final String INTEGRATION_ID = "checkout-api-generic";
    static final String SERVICE_ID = "checkout-api";
    private static final String KEY_ID = "key_demo";
    /** Fixed, so seeding again at every start leaves the document as it was. */
    private static final Instant SEEDED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final Integrations integrations;
    private final String integrationKey;

    DemoSeed(Integrations integrations, IngestProperties properties) {
        this.integrations = integrations;
        this.integrationKey = properties.demo().integrationKey();
    }

    @Override
    public void afterPropertiesSet() {
        integrations.save(new Integration(INTEGRATION_ID, SERVICE_ID, "Checkout API (generic webhook)",
                IntegrationType.GENERIC, Grouping.ALERT, List.of(new IntegrationKey(KEY_ID, KeyHash.of(integrationKey), SEEDED_AT)),
                SEEDED_AT, 0));
        log.info("Demo integration {} for service {} is ready", INTEGRATION_ID, SERVICE_ID);
    }
}
