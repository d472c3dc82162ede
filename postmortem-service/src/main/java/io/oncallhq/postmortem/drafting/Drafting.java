package io.oncallhq.postmortem.drafting;

import io.oncallhq.outbox.Change;
import io.oncallhq.postmortem.change.ChangeWindow;
import io.oncallhq.postmortem.change.ServiceChange;
import io.oncallhq.postmortem.change.ServiceChanges;
import io.oncallhq.postmortem.config.PostmortemProperties;
import io.oncallhq.postmortem.document.Postmortem;
import io.oncallhq.postmortem.document.Postmortems;
import io.oncallhq.postmortem.history.IncidentAlerts;
import io.oncallhq.postmortem.history.IncidentHistories;
import io.oncallhq.postmortem.history.IncidentHistory;
import io.oncallhq.postmortem.template.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps an incident's post-mortem in step with its history and the changes to its service around it: drafts it
 * once the incident was resolved (with the sections of the team's template for the incident's severity), and
 * refreshes its facts and unedited sections whenever either changes afterwards. Running it twice on the same
 * state changes nothing, so it can run after every event, redeliveries included.
 *
 * <p>Incident events and changes arrive on different topics, so a change may be stored while a draft is being made
 * without it. A run therefore ends only once it read the stored post-mortem and then drew the same facts from the
 * history and the changes: a change stored before that read is in them, and one stored after it finds the
 * post-mortem through {@link #incidentsAround}. The refresh draws the facts inside the outbox writer's change, after
 * it loaded the post-mortem, and a concurrent write makes the writer load and draw again; a fresh draft is refreshed
 * once more right after its insert, since its facts were drawn before it could be found.
 */
@Component
class Drafting {

    private static final Logger log = LoggerFactory.getLogger(Drafting.class);

    private final Postmortems postmortems;
    private final IncidentHistories histories;
    private final IncidentAlerts alerts;
    private final ServiceChanges changes;
    private final Templates templates;
    private final Duration changesLookback;
    private final int changesLimit;
    private final Clock clock;

    Drafting(Postmortems postmortems, IncidentHistories histories, IncidentAlerts alerts, ServiceChanges changes,
             Templates templates, PostmortemProperties properties, Clock clock) {
        this.postmortems = postmortems;
        this.histories = histories;
        this.alerts = alerts;
        this.changes = changes;
        this.templates = templates;
        this.changesLookback = properties.changesLookback();
        this.changesLimit = properties.changesLimit();
        this.clock = clock;
    }

    /** The consumer runs it inside {@link DraftingObservation}: its span and timer. */
    void draftOrRefresh(IncidentHistory history) {
        if (history.wasResolved()) {
            keepInStep(history.incidentId(), Postmortem::refreshedWith);
        }
    }

    /** The incidents whose post-mortem lists the change: of its service, with the change inside their window. */
    List<String> incidentsAround(ServiceChange change) {
        return postmortems.ofServiceResolvedSince(change.serviceId(), change.occurredAt()).stream()
                .filter(postmortem -> windowOf(postmortem.facts().startedAt(), postmortem.facts().resolvedAt())
                        .filter(window -> window.contains(change.occurredAt())).isPresent())
                .map(Postmortem::incidentId)
                .toList();
    }

    /** After a change arrived that the post-mortem did not list yet; a published post-mortem stays as it is. */
    void addLateChanges(String incidentId) {
        keepInStep(incidentId, Postmortem::withLateChanges);
    }

    private void keepInStep(String incidentId, Refresh refresh) {
        Optional<Postmortem> existing = postmortems.findByIncidentId(incidentId);
        if (existing.isEmpty()) {
            IncidentFacts facts = factsOf(incidentId);
            Postmortem draft = Postmortem.draft(UUID.randomUUID().toString(), incidentId, facts,
                    templates.forTeam(facts.teamId()).sectionsFor(facts.severity()), clock.instant());
            if (postmortems.insertIfAbsent(draft)) {
                log.info("Drafted post-mortem {} for incident {}", draft.id(), incidentId);
            }
            // Drafted here or meanwhile by another consumer: check it against what is stored now.
            existing = postmortems.findByIncidentId(incidentId);
        }
        existing.ifPresent(postmortem -> postmortems.update(postmortem.id(),
                stored -> refresh.apply(stored, factsOf(incidentId), clock.instant())
                        .map(Change::replacedBy).orElseGet(Change::unchanged)));
    }

    /** Drawn from the history, its first alerts and the changes around it, as stored now. */
    private IncidentFacts factsOf(String incidentId) {
        IncidentHistory history = histories.find(incidentId).orElseThrow(() ->
                new IllegalStateException("no history of incident " + incidentId));
        return IncidentFacts.of(history, alerts.first(incidentId, IncidentFacts.ALERTS_LISTED), changesAround(history));
    }

    private List<ServiceChange> changesAround(IncidentHistory history) {
        if (history.serviceId() == null) {
            return List.of();
        }
        return windowOf(history.startedAt().orElse(null), history.resolvedAt())
                .map(window -> changes.latestWithin(history.serviceId(), window, changesLimit))
                .orElse(List.of());
    }

    private Optional<ChangeWindow> windowOf(Instant startedAt, Instant resolvedAt) {
        return ChangeWindow.of(startedAt, resolvedAt, changesLookback);
    }

    /** {@link Postmortem#refreshedWith} or {@link Postmortem#withLateChanges}. */
    @FunctionalInterface
    private interface Refresh {
        Optional<Postmortem> apply(Postmortem current, IncidentFacts facts, Instant now);
    }
}
