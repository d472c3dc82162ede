package io.oncallhq.incident.escalation;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.ContractEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.incident.change.RecentChanges;
import io.oncallhq.incident.lifecycle.EscalationStep;
import io.oncallhq.incident.lifecycle.Incident;
import io.oncallhq.incident.directory.EscalationPolicy;
import io.oncallhq.incident.directory.OnCallDirectory;
import io.oncallhq.incident.directory.TechnicalService;
import io.oncallhq.incident.paging.LevelPaging;
import io.oncallhq.incident.paging.Pager;
import io.oncallhq.incident.directory.Responder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pages a level of an incident's escalation policy and sets the step its timer takes next, all on the incident
 * object, so the caller saves pages, events and the pending step in one write.
 */
@Component
public class Escalating {

    private final OnCallDirectory directory;
    private final Pager pager;
    private final RecentChanges recentChanges;

    Escalating(OnCallDirectory directory, Pager pager, RecentChanges recentChanges) {
        this.directory = directory;
        this.pager = pager;
        this.recentChanges = recentChanges;
    }

    /**
     * Level 1 of a new or reopened incident: the pages, their records on the incident and the timer step for level
     * 2 (no escalation event unless level 1 reaches nobody).
     */
    public List<ContractEvent> pageFirstLevel(Incident incident, TechnicalService service, Instant now) {
        Pager.Subject subject = subject(incident, now);
        if (service.policy().levels().isEmpty()) {
            List<ContractEvent> events = new ArrayList<>();
            pagedNobody(incident, 1, pager.pageNoLevels(subject, service, now), events, now);
            incident.policyPagedNobody(now);
            return events;
        }
        return pageFrom(incident, service, subject, new EscalationPolicy.Position(1, 1), null, now);
    }

    /**
     * Hands the incident to a responder and pages them at the incident's current level; the pending escalation
     * step stays as it was.
     */
    public List<ContractEvent> reassign(Incident incident, String responderId, Actor by, Instant now) {
        Responder responder = directory.findResponder(responderId)
                .orElseThrow(() -> new UnknownResponderException(responderId));
        TechnicalService service = directory.service(incident.service().id());
        List<ContractEvent> events = new ArrayList<>(incident.reassign(responder.id(), responder.name(), by, now));
        events.addAll(recorded(incident, List.of(pager.pageReassigned(subject(incident, now), service,
                incident.escalationLevel(), responder, by, now))));
        return events;
    }

    /** Somebody asked for the next level now; the policy's order decides which level that is. */
    public List<ContractEvent> escalateOnRequest(Incident incident, Actor by, Instant now) {
        TechnicalService service = directory.service(incident.service().id());
        Optional<EscalationPolicy.Position> next = service.policy()
                .after(incident.escalationLevel(), incident.escalationRound());
        if (next.isEmpty()) {
            incident.escalationExhausted(by, now);
            return List.of();
        }
        return escalate(incident, service, next.get(), by, "requested", now);
    }

    /** A timer's step is due and the incident is still triggered. */
    List<ContractEvent> escalateOnTimer(Incident incident, int level, int round, Instant now) {
        TechnicalService service = directory.service(incident.service().id());
        int previousLevel = level > 1 ? level - 1 : service.policy().levels().size();
        long waited = service.policy().level(previousLevel).map(EscalationPolicy.Level::delayMinutes).orElse(0);
        return escalate(incident, service, new EscalationPolicy.Position(level, round), Actor.system("escalation"),
                "not acknowledged within " + waited + " min", now);
    }

    private List<ContractEvent> escalate(Incident incident, TechnicalService service, EscalationPolicy.Position to,
                                         Actor by, String reason, Instant now) {
        List<ContractEvent> events = new ArrayList<>(incident.escalate(to.level(), to.round(), by, reason, now));
        events.addAll(pageFrom(incident, service, subject(incident, now), to, by, now));
        return events;
    }

    /**
     * Pages the level and sets the step after it. A level that reaches nobody is recorded and the next one paged at
     * once, without waiting its delay (nobody was paged who could acknowledge), until a level pages someone or each
     * level was tried once (a further round would find the same nobody).
     *
     * @param escalatedBy who escalated to {@code from}; null when it is the first level paged
     */
    private List<ContractEvent> pageFrom(Incident incident, TechnicalService service, Pager.Subject subject,
                                         EscalationPolicy.Position from, Actor escalatedBy, Instant now) {
        EscalationPolicy policy = service.policy();
        List<ContractEvent> events = new ArrayList<>();
        EscalationPolicy.Position at = from;
        Actor by = escalatedBy;
        for (int tried = 1; ; tried++) {
            Optional<LevelPaging> levelPaging = pager.pageLevel(subject, service, at.level(), by, now);
            if (levelPaging.isEmpty()) { // the policy lost the level since its timer was set: nothing more to do
                incident.scheduleEscalation(stepAfter(policy, at.level(), at.round(), now));
                return events;
            }
            switch (levelPaging.get()) {
                case LevelPaging.Paged paged -> {
                    events.addAll(recorded(incident, paged.pages()));
                    incident.scheduleEscalation(stepAfter(policy, at.level(), at.round(), now));
                    return events;
                }
                case LevelPaging.PagedNobody nobody -> {
                    pagedNobody(incident, at.level(), nobody, events, now);
                    Optional<EscalationPolicy.Position> next = nextAfterNobody(policy, at, tried);
                    if (next.isEmpty()) {
                        incident.scheduleEscalation(null);
                        incident.policyPagedNobody(now);
                        return events;
                    }
                    by = Actor.system("escalation");
                    events.addAll(incident.escalate(next.get().level(), next.get().round(), by,
                            "level " + at.level() + " paged nobody", now));
                    at = next.get();
                }
            }
        }
    }

    /**
     * The level to page at once after {@code at} reached nobody, {@code tried} levels into the chain; empty when the
     * policy is done or each level was tried once.
     */
    static Optional<EscalationPolicy.Position> nextAfterNobody(EscalationPolicy policy, EscalationPolicy.Position at,
                                                               int tried) {
        return tried >= policy.levels().size() ? Optional.empty() : policy.after(at.level(), at.round());
    }

    private static void pagedNobody(Incident incident, int level, LevelPaging.PagedNobody nobody,
                                    List<ContractEvent> events, Instant now) {
        incident.pagedNobody(level, nobody.unroutable().detail(), now);
        events.add(nobody.unroutable());
    }

    /** The next step of the policy, due the paged level's delay after paging it; null when none is left. */
    static EscalationStep stepAfter(EscalationPolicy policy, int level, int round, Instant pagedAt) {
        return policy.after(level, round)
                .flatMap(next -> policy.level(level).map(paged ->
                        new EscalationStep(next.level(), next.round(), pagedAt.plus(paged.delay()))))
                .orElse(null);
    }

    /** The page requests followed by the incident's records of them, to be saved together. */
    private static List<ContractEvent> recorded(Incident incident, List<PageRequested> pages) {
        List<ContractEvent> events = new ArrayList<>(pages);
        events.addAll(incident.pagesRequested(pages));
        return events;
    }

    /** One changes lookup per paged level, however many responders it pages. */
    private Pager.Subject subject(Incident incident, Instant now) {
        return new Pager.Subject(incident.id(), incident.number(), incident.title(), incident.severity(),
                recentChanges.forPage(incident.service().id(), incident.triggeredAt(), now));
    }
}
