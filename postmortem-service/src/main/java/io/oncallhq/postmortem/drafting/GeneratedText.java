package io.oncallhq.postmortem.drafting;

import io.oncallhq.postmortem.change.ServiceChange;
import io.oncallhq.postmortem.history.IncidentAlert;
import io.oncallhq.postmortem.history.PagedResponder;
import io.oncallhq.postmortem.template.Template;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The first text of the sections the incident's facts can speak to. Blameless by construction: it states what
 * the systems did and when the response acted, and never judges a person.
 */
public final class GeneratedText {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private GeneratedText() {
    }

    public static String forSection(String key, IncidentFacts facts) {
        return switch (key) {
            case Template.SUMMARY -> summary(facts);
            case Template.DETECTION -> detection(facts);
            case Template.RESPONSE -> response(facts);
            default -> "";
        };
    }

    private static String summary(IncidentFacts facts) {
        String service = facts.serviceName() != null ? facts.serviceName() : facts.serviceId();
        String severity = facts.severity() == null ? "" : facts.severity().name().toLowerCase(Locale.ROOT) + " ";
        StringBuilder text = new StringBuilder(service == null ? "A service" : service)
                .append(" had a ").append(severity).append("incident");
        if (facts.incidentNumber() != null) {
            text.append(", #").append(facts.incidentNumber());
        }
        if (facts.startedAt() != null) {
            text.append(", starting ").append(at(facts.startedAt()));
        }
        text.append('.');
        if (facts.timeToResolve() != null) {
            text.append(" It was resolved ").append(span(facts.timeToResolve())).append(" after it began");
            text.append(facts.timeToAcknowledge() == null ? "." : " and acknowledged after "
                    + span(facts.timeToAcknowledge()) + ".");
        }
        lastChangeBeforeStart(facts).ifPresent(change -> text.append(" The last change to the service before it began")
                .append(" was \"").append(change.summary()).append('"')
                .append(change.source() == null ? "" : " from " + change.source())
                .append(" at ").append(at(change.occurredAt()))
                .append(" (").append(span(TimeSpan.between(change.occurredAt(), facts.startedAt()).orElseThrow()))
                .append(" before)."));
        return text.toString();
    }

    /** The latest change made before the problem began, or at that instant. */
    private static Optional<ServiceChange> lastChangeBeforeStart(IncidentFacts facts) {
        if (facts.startedAt() == null) {
            return Optional.empty();
        }
        return facts.changes().stream().filter(change -> !change.occurredAt().isAfter(facts.startedAt()))
                .reduce((earlier, later) -> later);
    }

    private static String detection(IncidentFacts facts) {
        if (facts.alerts().isEmpty()) {
            return facts.startedAt() == null ? "" : "The incident was opened at " + at(facts.startedAt()) + ".";
        }
        IncidentAlert first = facts.alerts().getFirst();
        String alerts = facts.alertCount() == 1 ? "1 alert" : String.format(Locale.ROOT, "%,d alerts", facts.alertCount());
        return "The first signal was the alert \"" + first.summary() + "\""
                + (first.source() == null ? "" : " from " + first.source())
                + (first.startedAt() == null ? "" : " at " + at(first.startedAt()))
                + ". Monitoring raised " + alerts + " for this incident.";
    }

    private static String response(IncidentFacts facts) {
        StringBuilder text = new StringBuilder();
        if (facts.suppression() != null) {
            text.append(facts.suppression().sentence()).append(". ");
        }
        if (!facts.responders().isEmpty()) {
            text.append("Paged: ").append(facts.responders().stream().map(GeneratedText::paged)
                    .collect(Collectors.joining(", "))).append(". ");
        }
        if (facts.timeToAcknowledge() != null) {
            text.append("Acknowledged ").append(span(facts.timeToAcknowledge())).append(" after the problem began. ");
        }
        if (facts.timeToMitigate() != null) {
            text.append("Mitigated ").append(span(facts.timeToMitigate())).append(" after the problem began. ");
        }
        if (facts.timeToResolve() != null) {
            text.append("Resolved ").append(span(facts.timeToResolve())).append(" after the problem began.");
        }
        return text.toString().strip();
    }

    private static String paged(PagedResponder responder) {
        return responder.name() + " (level " + responder.level() + ", " + responder.outcome() + ")";
    }

    public static String at(Instant instant) {
        return AT.format(instant);
    }

    /** {@code 45 s}, {@code 6 min}, {@code 1 h 5 min}. */
    public static String span(TimeSpan span) {
        long seconds = span.seconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
