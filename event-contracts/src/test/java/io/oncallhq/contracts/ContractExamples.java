package io.oncallhq.contracts;

import io.oncallhq.contracts.alert.AlertAcknowledged;
import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.alert.AlertResolved;
import io.oncallhq.contracts.alert.AlertTriggered;
import io.oncallhq.contracts.change.ChangeRecorded;
import io.oncallhq.contracts.command.AcknowledgeIncident;
import io.oncallhq.contracts.command.AddNote;
import io.oncallhq.contracts.command.EscalateIncident;
import io.oncallhq.contracts.command.ReassignIncident;
import io.oncallhq.contracts.command.ResolveIncident;
import io.oncallhq.contracts.incident.AlertAttached;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.IncidentEscalated;
import io.oncallhq.contracts.incident.IncidentReopened;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.contracts.incident.NoteAdded;
import io.oncallhq.contracts.incident.PageRecorded;
import io.oncallhq.contracts.incident.PagingSuppressed;
import io.oncallhq.contracts.incident.PriorityChanged;
import io.oncallhq.contracts.incident.IncidentReassigned;
import io.oncallhq.contracts.incident.SeverityChanged;
import io.oncallhq.contracts.page.ContactMethod;
import io.oncallhq.contracts.page.PageDelivered;
import io.oncallhq.contracts.page.PageFailed;
import io.oncallhq.contracts.page.PagedBecause;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.contracts.postmortem.ActionItemOverdue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One example of every event type: the frozen payloads under {@code examples/} are these, encoded. */
final class ContractExamples {

    static final Instant AT = Instant.parse("2026-11-22T09:15:30Z");
    static final String INCIDENT = "5b0c2a52-4c8e-4a53-9a57-1f0e4d6c9a10";
    static final Actor ALEX = Actor.responder("alex", "Alex Rivera");

    private ContractExamples() {
    }

    static List<ContractEvent> all() {
        return List.of(
                new AlertTriggered("checkout-api", "checkout-api-alertmanager", "alertmanager",
                        "alertmanager:v1:6f1b2c3d4e5f6a7b", "{}:{alertname=\"CheckoutLatency\"}",
                        "Checkout latency above 2s", Severity.CRITICAL, "checkout-1", Map.of("env", "prod"),
                        Map.of("runbook", "https://runbooks.example.com/checkout"), Map.of("p99_ms", 2350),
                        List.of(new AlertLink("https://grafana.example.com/d/checkout", "Dashboard")), AT, AT,
                        "{\"summary\":\"Checkout latency above 2s\"}",
                        "checkout-api-alertmanager:{}:{alertname=\"CheckoutLatency\"}"),
                new AlertAcknowledged("checkout-api", "checkout-api-pagerduty", "pagerduty:v1:disk-full", AT, AT),
                new AlertResolved("checkout-api", "checkout-api-generic", "generic:v1:checkout-latency",
                        "Checkout latency back to normal", AT, AT, "{}"),
                new ChangeRecorded("checkout-api", "checkout-api-pagerduty", "pagerduty",
                        "Build Success: Increase snapshot create timeout to 30 seconds", "acme-build-pipeline",
                        Map.of("build_number", "2"), List.of(new AlertLink("https://ci.example.com/build/2", "Build 2")),
                        AT, AT, "{\"payload\":{\"summary\":\"Build Success\"}}"),
                new IncidentTriggered(INCIDENT, 42, "checkout-api", "Checkout API", "payments",
                        "Checkout latency above 2s", Severity.CRITICAL, "generic:v1:checkout-latency", AT),
                new AlertAttached(INCIDENT, "generic:v1:checkout-latency", "generic", "Checkout latency above 2s",
                        Severity.CRITICAL, "checkout-1", List.of(new AlertLink("https://grafana.example.com/d/checkout", "Dashboard")),
                        AT, AT),
                new IncidentAcknowledged(INCIDENT, ALEX, AT),
                new IncidentEscalated(INCIDENT, 2, Actor.system("escalation"), "level 1 did not acknowledge within 5 minutes", AT),
                new IncidentResolved(INCIDENT, ALEX, "rolled back release 2026.11.22-1", AT,
                        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                new IncidentReopened(INCIDENT, Actor.system("flap-control"), "alert fired again", AT),
                new NoteAdded(INCIDENT, ALEX, "Rolling back the release", AT),
                new SeverityChanged(INCIDENT, Severity.CRITICAL, Severity.WARNING, ALEX, AT),
                new IncidentReassigned(INCIDENT, "sam", "Sam Okafor", ALEX, AT),
                new PriorityChanged(INCIDENT, null, "P1", ALEX, AT),
                new PagingSuppressed(INCIDENT, "silence-db-upgrade", "not paged: maintenance window \"db upgrade\"", AT),
                new PageRecorded(INCIDENT, "page-1", "alex", "Alex Rivera", 1, PageRecorded.DELIVERED, "slack D0ALEX", AT),
                new PageRequested("page-1", INCIDENT, 42, "checkout-api", "Checkout API", "Checkout latency above 2s",
                        Severity.CRITICAL, 1, new PageTarget("alex", "Alex Rivera", "alex@example.com", "U0DEMO0001",
                                List.of(new ContactMethod(ContactMethod.SLACK, "U0DEMO0001"),
                                        new ContactMethod(ContactMethod.WEBHOOK, "https://hooks.example.com/alex"),
                                        new ContactMethod(ContactMethod.EMAIL, "alex@example.com"))),
                        "http://localhost:8082/incidents/" + INCIDENT, AT, "C0PAYMENTS",
                        List.of(new RecentChange("Deployed checkout 2026.11.22-1", "deploy-pipeline", AT,
                                "https://ci.example.com/deploys/2026.11.22-1")),
                        new PagedBecause(PagedBecause.SCHEDULE,
                                "on call in Payments primary, layer Weekly, Nov 16 09:00 – Nov 23 09:00 UTC",
                                "payments-primary", "Payments primary", "Weekly", Instant.parse("2026-11-16T09:00:00Z"),
                                Instant.parse("2026-11-23T09:00:00Z"), null, null, null)),
                new PageUnroutable(INCIDENT, 42, "checkout-api", "Checkout API", "Checkout latency above 2s",
                        Severity.CRITICAL, 1, PageUnroutable.SCHEDULE_GAP,
                        "nobody on call in Payments primary from 02:00 to 06:00 UTC", "payments-primary",
                        "Payments primary", Instant.parse("2026-11-22T02:00:00Z"), Instant.parse("2026-11-22T06:00:00Z"),
                        "C0PAYMENTS", "http://localhost:8082/incidents/" + INCIDENT, AT),
                new PageDelivered("page-1", INCIDENT, "slack", "D0ALEX", "1732267000.000100", AT,
                        "digest of 12 incidents on Checkout API"),
                new PageFailed("page-1", INCIDENT, "slack", "channel_not_found", AT),
                new AcknowledgeIncident(INCIDENT, Actor.slackUser("U0DEMO0001", "alex"), AT),
                new ResolveIncident(INCIDENT, Actor.slackUser("U0DEMO0001", "alex"), AT),
                new EscalateIncident(INCIDENT, Actor.slackUser("U0DEMO0001", "alex"), AT),
                new AddNote(INCIDENT, ALEX, "Customer impact confirmed", AT),
                new ReassignIncident(INCIDENT, "sam", Actor.slackUser("U0DEMO0001", "alex"), AT),
                new ActionItemOverdue("pm-1", INCIDENT, "payments", "ai-1", "Alert on checkout p99 before customers notice",
                        "alex", java.time.LocalDate.parse("2026-11-20"), "http://localhost:8084/postmortems/pm-1", AT));
    }
}
