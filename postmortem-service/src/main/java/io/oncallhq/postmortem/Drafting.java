package io.oncallhq.postmortem;

import io.oncallhq.postmortem.history.IncidentHistory;
import io.oncallhq.postmortem.template.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps an incident's post-mortem in step with its history: drafts it once the incident was resolved (with the
 * sections of the team's template for the incident's severity), and refreshes its facts and unedited sections
 * whenever the history changes afterwards. Running it twice on the same history changes nothing, so it can run
 * after every event, redeliveries included.
 */
@Component
class Drafting {

    private static final Logger log = LoggerFactory.getLogger(Drafting.class);
    private static final int ATTEMPTS = 5;

    private final Postmortems postmortems;
    private final Templates templates;
    private final Clock clock;

    Drafting(Postmortems postmortems, Templates templates, Clock clock) {
        this.postmortems = postmortems;
        this.templates = templates;
        this.clock = clock;
    }

    /** The consumer runs it inside {@link DraftingObservation}: its span and timer. */
    void draftOrRefresh(IncidentHistory history) {
        if (!history.wasResolved()) {
            return;
        }
        IncidentFacts facts = IncidentFacts.of(history);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Postmortem> existing = postmortems.findByIncidentId(history.incidentId());
            if (existing.isEmpty()) {
                Postmortem draft = Postmortem.draft(UUID.randomUUID().toString(), history.incidentId(), facts,
                        templates.forTeam(facts.teamId()).sectionsFor(facts.severity()), clock.instant());
                if (postmortems.insertIfAbsent(draft)) {
                    log.info("Drafted post-mortem {} for incident {}", draft.id(), history.incidentId());
                    return;
                }
                continue; // drafted meanwhile by another consumer: refresh that one
            }
            Optional<Postmortem> refreshed = existing.get().refreshedWith(facts, clock.instant());
            if (refreshed.isEmpty() || postmortems.replaceIfUnchanged(refreshed.get())) {
                return;
            }
        }
        throw new OptimisticLockingFailureException("post-mortem of incident " + history.incidentId()
                + " kept changing while its facts were refreshed");
    }
}
