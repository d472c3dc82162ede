package io.oncallhq.incident.oncall;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Writes the shared demo ids (team {@code payments}, service {@code checkout-api}, responder {@code alex}) when
 * {@code DEMO_SEED=true}. Fixed ids make it an upsert: running it twice changes nothing. Runs before the
 * consumers start, so the first demo alert finds its service.
 */
@Component
@ConditionalOnBooleanProperty("oncallhq.demo.seed")
class DemoSeed implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final Teams teams;
    private final Responders responders;
    private final TechnicalServices services;
    private final DemoProperties properties;

    DemoSeed(Teams teams, Responders responders, TechnicalServices services, DemoProperties properties) {
        this.teams = teams;
        this.responders = responders;
        this.services = services;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        teams.save(new Team("payments", "Payments"));
        responders.save(new Responder("alex", "Alex Rivera", "alex@example.com", "Europe/Berlin",
                properties.slackUserId()));
        services.save(new TechnicalService("checkout-api", "Checkout API", "payments",
                new EscalationPolicy(List.of(new EscalationPolicy.Level(List.of("alex"), 15))), true));
        log.info("Demo on-call model seeded: team payments, service checkout-api, responder alex ({})",
                properties.slackUserId());
    }
}
