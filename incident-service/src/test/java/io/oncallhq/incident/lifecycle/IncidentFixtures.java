package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.incident.IncidentEvent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** Incidents in the states the tests start from. */
public final class IncidentFixtures {

    public static final Instant OPENED_AT = Instant.parse("2026-11-22T10:00:00Z");
    public static final ServiceRef CHECKOUT = new ServiceRef("checkout-api", "Checkout API", "payments");
    public static final Actor ALEX = Actor.responder("alex", "Alex Rivera");

    private IncidentFixtures() {
    }

    public static AlertTriggered alert(String dedupKey) {
        return new AlertTriggered(CHECKOUT.id(), "checkout-api-generic", "generic", dedupKey, null,
                "Checkout latency above 2s", Severity.CRITICAL, "checkout-1", Map.of(), Map.of(), Map.of(), List.of(),
                OPENED_AT.minusSeconds(60), OPENED_AT, "{}");
    }

    public static final String CHECKOUT_GROUP = "checkout-api-alertmanager:{}:{alertname=\"CheckoutLatency\"}";

    /** An alert of an Alertmanager group of Checkout API's: its incident stands for the group. */
    public static AlertTriggered alertOfGroup(String dedupKey) {
        return new AlertTriggered(CHECKOUT.id(), "checkout-api-alertmanager", "alertmanager", dedupKey,
                "{}:{alertname=\"CheckoutLatency\"}", "Checkout latency above 2s on " + dedupKey, Severity.CRITICAL,
                dedupKey, Map.of(), Map.of(), Map.of(), List.of(), OPENED_AT.minusSeconds(60), OPENED_AT, "{}",
                CHECKOUT_GROUP);
    }

    /**
     * The incident's alert as the store would give it: the incidents of these tests are small enough to keep every
     * alert among their first and newest.
     */
    static Optional<IncidentAlert> stored(Incident incident, String dedupKey) {
        return incident.alertSummary().firstAndNewest().stream()
                .filter(alert -> alert.dedupKey().equals(dedupKey)).findFirst();
    }

    static List<IncidentEvent> attach(Incident incident, AlertTriggered alert, Instant now) {
        return incident.attach(alert, stored(incident, alert.dedupKey()), null, now);
    }

    static List<IncidentEvent> resolveAlert(Incident incident, String dedupKey, boolean autoResolve, Instant now) {
        return incident.alertResolved(stored(incident, dedupKey), autoResolve, now);
    }

    static List<IncidentEvent> reopenFlapping(Incident incident, AlertTriggered alert, Instant now) {
        return incident.reopenFlapping(alert, stored(incident, alert.dedupKey()), now);
    }

    public static Incident incidentOfGroup(String id, String firstDedupKey) {
        return Incident.open(id, 8, CHECKOUT, alertOfGroup(firstDedupKey), OPENED_AT).incident();
    }

    public static Incident triggeredIncident(String id, String dedupKey) {
        return Incident.open(id, 7, CHECKOUT, alert(dedupKey), OPENED_AT).incident();
    }

    public static Incident triggeredIncident() {
        return triggeredIncident("incident-1", "checkout-latency");
    }

    public static Incident acknowledgedIncident() {
        Incident incident = triggeredIncident();
        incident.acknowledge(ALEX, OPENED_AT.plusSeconds(60));
        return incident;
    }

    public static Incident resolvedIncident() {
        Incident incident = acknowledgedIncident();
        incident.resolve(ALEX, "fixed", OPENED_AT.plusSeconds(600));
        return incident;
    }
}
