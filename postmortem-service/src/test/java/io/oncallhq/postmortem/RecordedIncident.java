package io.oncallhq.postmortem;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentReopened;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.contracts.incident.NoteAdded;
import io.oncallhq.contracts.incident.PageRecorded;
import io.oncallhq.postmortem.drafting.IncidentFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Object mother: the events of one checkout-latency incident as incident-service published them. */
public final class RecordedIncident {

    /** An event with the CloudEvent id it travelled under. */
    public record Recorded(String id, IncidentEvent event) {
    }

    public static final Instant TRIGGERED_AT = Instant.parse("2026-11-20T10:00:00Z");
    /** When the problem began: the alert's start, two minutes before the trigger. */
    public static final Instant STARTED_AT = TRIGGERED_AT.minus(Duration.ofMinutes(2));
    /** Where Prometheus shows the rule's expression, as Alertmanager's {@code generatorURL} carries it. */
    public static final String GENERATOR_URL = "https://prometheus.example.com/graph?g0.expr=histogram_quantile(0.99, checkout_seconds) > 2";
    public static final Actor ALEX = Actor.responder("alex", "Alex Rivera");

    private RecordedIncident() {
    }

    /** Triggered, alert attached (the problem began two minutes earlier), paged, delivered, acknowledged, noted, resolved. */
    public static List<Recorded> resolvedCheckoutIncident(String incidentId) {
        return resolvedCheckoutIncident(incidentId, "checkout-api");
    }

    /** The same incident on a service of its own, so that changes to that service concern this incident alone. */
    public static List<Recorded> resolvedCheckoutIncident(String incidentId, String serviceId) {
        return List.of(
                new Recorded(incidentId + "-e1", new IncidentTriggered(incidentId, 42, serviceId, "Checkout API",
                        "payments", "Checkout latency above 2s", Severity.CRITICAL, "checkout-latency", at(0))),
                new Recorded(incidentId + "-e2", new AlertAttached(incidentId, "checkout-latency", "generic",
                        "Checkout latency above 2s", Severity.CRITICAL, "checkout-api-7f9c",
                        List.of(new AlertLink("https://runbooks.example.com/checkout-latency", "Runbook"),
                                new AlertLink(GENERATOR_URL, "Source")),
                        STARTED_AT, at(0))),
                new Recorded(incidentId + "-e3", new PageRecorded(incidentId, "page-1", "alex", "Alex Rivera", 1,
                        PageRecorded.REQUESTED, null, at(1))),
                new Recorded(incidentId + "-e4", new PageRecorded(incidentId, "page-1", "alex", "Alex Rivera", 1,
                        PageRecorded.DELIVERED, "slack", at(2))),
                new Recorded(incidentId + "-e5", new IncidentAcknowledged(incidentId, ALEX, at(4 * 60))),
                new Recorded(incidentId + "-e6", new NoteAdded(incidentId, ALEX, "Rolled back release 2026.11.20-1",
                        at(10 * 60))),
                new Recorded(incidentId + "-e7", new IncidentResolved(incidentId, ALEX, null, at(28 * 60))));
    }

    /** The facts a post-mortem of {@link #resolvedCheckoutIncident} carries when no change was reported around it. */
    public static IncidentFacts resolvedCheckoutFacts(String incidentId) {
        return resolvedCheckout(incidentId).facts();
    }

    /** {@link #resolvedCheckoutIncident}, every event projected. */
    public static ProjectedIncident resolvedCheckout(String incidentId) {
        return ProjectedIncident.projected(incidentId, resolvedCheckoutIncident(incidentId));
    }

    public static Recorded reopened(String incidentId, String eventId, int secondsAfterTrigger) {
        return new Recorded(eventId, new IncidentReopened(incidentId, Actor.system("alert-correlation"),
                "The alert fired again", at(secondsAfterTrigger)));
    }

    public static Recorded resolvedAgain(String incidentId, String eventId, int secondsAfterTrigger) {
        return new Recorded(eventId, new IncidentResolved(incidentId, ALEX, "Connection pool resized",
                at(secondsAfterTrigger)));
    }

    public static Recorded lateNote(String incidentId, String eventId, int secondsAfterTrigger) {
        return new Recorded(eventId, new NoteAdded(incidentId, ALEX, "Dashboards updated", at(secondsAfterTrigger)));
    }

    private static Instant at(int secondsAfterTrigger) {
        return TRIGGERED_AT.plusSeconds(secondsAfterTrigger);
    }
}
