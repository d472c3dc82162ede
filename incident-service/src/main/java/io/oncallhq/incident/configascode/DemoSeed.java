package io.oncallhq.incident.configascode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Applies the bundled on-call configuration {@code demo-oncall.yaml} when {@code DEMO_SEED=true}, through the same
 * code as {@code POST /oncall-config} (without prune): team {@code payments}, responder {@code alex} (Slack user
 * id from {@code DEMO_SLACK_USER_ID}) on call and {@code noor} as a teammate who can review, schedule {@code payments-primary}, service {@code checkout-api}. Applying is
 * idempotent, so restarts change nothing. Runs before the consumers start, so the first demo alert finds its
 * service.
 */
@Component
@ConditionalOnBooleanProperty("incident.demo.seed")
class DemoSeed implements InitializingBean {

    static final String DOCUMENT = "demo-oncall.yaml";
    /** Who the demo's overrides are credited to. */
    private static final String SEED_AUTHOR = "demo seed";

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final ApplyingOnCallConfig applying;
    private final DemoProperties properties;

    DemoSeed(ApplyingOnCallConfig applying, DemoProperties properties) {
        this.applying = applying;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        String yaml;
        try {
            yaml = new ClassPathResource(DOCUMENT).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + DOCUMENT, e);
        }
        List<OnCallDiff.Change> changes = applying.apply(
                OnCallConfigYaml.parse(yaml).withSlackUserId("alex", properties.slackUserId()), false, false, SEED_AUTHOR);
        log.info("Demo on-call model applied from {} (alex's Slack user id {}): {}", DOCUMENT,
                properties.slackUserId(), changes.stream()
                        .map(change -> change.kind() + " " + change.id() + " " + change.action().name().toLowerCase(java.util.Locale.ROOT))
                        .toList());
    }
}
