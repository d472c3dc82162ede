package io.oncallhq.ingest.integration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Makes every replica forget its remembered keys within {@code ingest.key-cache-check-interval} of a stored change. */
@Component
class KeyCacheCheck {

    private static final Logger log = LoggerFactory.getLogger(KeyCacheCheck.class);

    private final Integrations integrations;

    KeyCacheCheck(Integrations integrations) {
        this.integrations = integrations;
    }

    @Scheduled(initialDelayString = "${ingest.key-cache-check-interval:1s}", fixedDelayString = "${ingest.key-cache-check-interval:1s}")
    void check() {
        try {
            integrations.forgetKeysIfChangedElsewhere();
        } catch (DataAccessException e) {
            log.warn("Could not read the count of integration changes ({}); remembered keys still expire after the key cache's time to live",
                    e.getMessage());
        }
    }
}
