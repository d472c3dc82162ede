package io.oncallhq.incident.oncall;

import io.oncallhq.incident.schedule.RotationLayer;
import io.oncallhq.incident.schedule.Schedule;
import io.oncallhq.incident.schedule.Schedules;
import io.oncallhq.incident.schedule.ShiftUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalTime;
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
    private final Schedules schedules;
    private final DemoProperties properties;

    DemoSeed(Teams teams, Responders responders, TechnicalServices services, Schedules schedules,
             DemoProperties properties) {
        this.schedules = schedules;
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
        schedules.save(new Schedule("payments-primary", "Payments primary", "Europe/Berlin",
                List.of(new RotationLayer("weekly", List.of("alex"), 1, ShiftUnit.WEEKS, LocalTime.of(9, 0),
                        LocalDate.of(2026, 1, 5))), List.of()));
        services.save(new TechnicalService("checkout-api", "Checkout API", "payments", new EscalationPolicy(
                List.of(new EscalationPolicy.Level(List.of(), List.of("payments-primary"), 15))), true));
        log.info("Demo on-call model seeded: team payments, service checkout-api paging schedule payments-primary, responder alex ({})",
                properties.slackUserId());
    }
}
