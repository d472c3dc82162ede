package io.oncallhq.ingest;

import io.oncallhq.contracts.alert.AlertEvent;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.cloudevents.ReceivedEvent;
import io.oncallhq.ingest.integration.Grouping;
import io.oncallhq.ingest.integration.IntegrationType;
import io.oncallhq.localruntime.AlertmanagerProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.oncallhq.ingest.integration.IntegrationFixtures.integration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real Alertmanager (Debian's prometheus-alertmanager; .ci/run installs it) as a child process, with a
 * webhook receiver pointing at this service: what it sends must arrive on {@code alerts} once per alert and request,
 * the alerts of one of its groups sharing one incident group.
 *
 * <p>Alertmanager may send a group more than once (again after a request not answered within its 10 s deadline,
 * as a service's first request can take on a loaded machine), and every notification carries all alerts of the
 * group; so the counts here are bounded by the requests it made, not fixed at one.
 */
class AlertmanagerBinaryIT extends RunningIngestService {

    private static final String PROMETHEUS_ID = "checkout-api-prometheus";
    private static final String PROMETHEUS_KEY = "it-prometheus-key-0123456789abcdefg";

    @BeforeEach
    void setUpAnAlertmanagerIntegration() {
        integrations.save(integration(PROMETHEUS_ID, "checkout-api", IntegrationType.ALERTMANAGER, Grouping.GROUP, PROMETHEUS_KEY));
    }

    @Test
    void firingThenResolvingOneAlertOfAGroupArrivesOnceEachAndResolvesThatAlertOnly() throws Exception {
        assumeTrue(AlertmanagerProcess.installed(), "prometheus-alertmanager is not installed");
        String alertname = "CheckoutLatency" + UUID.randomUUID().toString().replace("-", "");
        try (AlertmanagerProcess alertmanager = AlertmanagerProcess.notifying(
                "http://127.0.0.1:" + port + "/integrations/" + PROMETHEUS_KEY + "/alertmanager")) {

            alertmanager.fire(alertname, List.of("web-a", "web-b"));

            awaitDelivered(alertmanager, 1);
            int firingRequests = alertmanager.webhookRequests();
            assertThat(triggered(alertname, "web-a")).as("once per request").hasSizeBetween(1, firingRequests);
            assertThat(triggered(alertname, "web-b")).as("once per request").hasSizeBetween(1, firingRequests);
            AlertTriggered firingA = (AlertTriggered) triggered(alertname, "web-a").getFirst().data();
            AlertTriggered firingB = (AlertTriggered) triggered(alertname, "web-b").getFirst().data();
            assertThat(firingA.dedupKey()).matches("alertmanager:v1:[0-9a-f]{16}").isNotEqualTo(firingB.dedupKey());
            assertThat(firingA.groupKey()).contains(alertname);
            assertThat(firingA.incidentGroup()).as("one Alertmanager group, one incident")
                    .isEqualTo(PROMETHEUS_ID + ":" + firingA.groupKey()).isEqualTo(firingB.incidentGroup());
            int firingsOfA = triggered(alertname, "web-a").size();

            alertmanager.resolve(alertname, List.of("web-a"));

            awaitDelivered(alertmanager, 2);
            int resolvingRequests = alertmanager.webhookRequests() - firingRequests;
            assertThat(resolved(firingA.dedupKey())).as("once per request").hasSizeBetween(1, resolvingRequests);
            assertThat(resolved(firingB.dedupKey())).as("resolving one alert of the group leaves the other open").isEmpty();
            assertThat(triggered(alertname, "web-a")).as("the resolved alert is not published as firing").hasSize(firingsOfA);
        }
    }

    /** Once Alertmanager counts a notification delivered, ingest has answered 2xx: its events are on the topic. */
    private static void awaitDelivered(AlertmanagerProcess alertmanager, int notifications) {
        await().atMost(Duration.ofSeconds(60)).until(alertmanager::deliveredNotifications, delivered -> delivered >= notifications);
        assertThat(alertmanager.deliveredNotifications()).as("notifications delivered").isEqualTo(notifications);
    }

    private List<ReceivedEvent<AlertEvent>> triggered(String alertname, String instance) {
        Predicate<AlertTriggered> matches = alert -> alert.labels().equals(Map.of("alertname", alertname, "instance", instance,
                "severity", "critical"));
        return alertEvents().stream()
                .filter(event -> event.data() instanceof AlertTriggered alert && matches.test(alert))
                .toList();
    }

    private List<ReceivedEvent<AlertEvent>> resolved(String dedupKey) {
        return eventsWithDedupKey(dedupKey).stream().filter(event -> event.data() instanceof AlertResolved).toList();
    }
}
