package io.oncallhq.incident.paging;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PagedBecause;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.page.PageUnroutable;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.incident.directory.ChosenResponder;
import io.oncallhq.incident.directory.ContactRule;
import io.oncallhq.incident.directory.OnCallDirectory;
import io.oncallhq.incident.directory.Responder;
import io.oncallhq.incident.directory.Team;
import io.oncallhq.incident.directory.TechnicalService;
import io.oncallhq.incident.directory.Unroutable;
import io.oncallhq.incident.schedule.Gap;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns "page this level" into one {@link PageRequested} per reachable responder of the level, each with a new page
 * id, or into one {@link PageUnroutable} saying why the level reaches nobody.
 * The caller records them on the incident and saves them with it; notification-service does the paging.
 */
@Component
public class Pager {

    private final OnCallDirectory directory;
    private final PagingProperties properties;

    Pager(OnCallDirectory directory, PagingProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    /**
     * What a page says about its incident.
     *
     * @param recentChanges the latest changes to the incident's service, newest first; looked up by the caller
     */
    public record Subject(String incidentId, long incidentNumber, String title, Severity severity,
                          List<RecentChange> recentChanges) {
    }

    /**
     * @param escalatedBy who escalated to the level; null when it is paged first
     * @return the pages for the level's reachable responders, each with the responder's contact rules, how they were
     * chosen and the Slack channel of the service's team, or why the level reaches nobody; empty when the service's
     * policy has no such level
     */
    public Optional<LevelPaging> pageLevel(Subject incident, TechnicalService service, int level, Actor escalatedBy,
                                           Instant now) {
        return directory.respondersAt(service, level, now).map(onCall -> {
            String teamChannel = teamChannel(service);
            return onCall.nobody().<LevelPaging>map(why ->
                            new LevelPaging.PagedNobody(unroutable(incident, service, level, why, teamChannel, now)))
                    .orElseGet(() -> new LevelPaging.Paged(onCall.chosen().stream()
                            .map(chosen -> page(incident, service, level, chosen.responder(),
                                    chosen.because(level, escalatedBy, now), teamChannel, now)).toList()));
        });
    }

    /** A policy without levels: nobody can be paged, which is said like a level paging nobody. */
    public LevelPaging.PagedNobody pageNoLevels(Subject incident, TechnicalService service, Instant now) {
        return new LevelPaging.PagedNobody(
                unroutable(incident, service, 1, Unroutable.noLevels(), teamChannel(service), now));
    }

    /** One page for the responder someone reassigned the incident to, at the incident's current level. */
    public PageRequested pageReassigned(Subject incident, TechnicalService service, int level, Responder responder,
                                        Actor by, Instant now) {
        return page(incident, service, level, responder, ChosenResponder.reassigned(by), teamChannel(service), now);
    }

    private String teamChannel(TechnicalService service) {
        return service.teamId() == null ? null
                : directory.findTeam(service.teamId()).map(Team::slackChannelId).orElse(null);
    }

    private PageUnroutable unroutable(Subject incident, TechnicalService service, int level, Unroutable why,
                                      String teamChannel, Instant now) {
        Gap gap = why.gap();
        return new PageUnroutable(incident.incidentId(), incident.incidentNumber(), service.id(), service.name(),
                incident.title(), incident.severity(), level, why.reason(), why.detail(), why.scheduleId(),
                why.scheduleName(), gap == null ? null : gap.start(), gap == null ? null : gap.end(), teamChannel,
                properties.incidentUrl(incident.incidentId()), now);
    }

    private PageRequested page(Subject incident, TechnicalService service, int level, Responder responder,
                               PagedBecause because, String teamChannel, Instant now) {
        return new PageRequested(UUID.randomUUID().toString(), incident.incidentId(), incident.incidentNumber(),
                service.id(), service.name(), incident.title(), incident.severity(), level,
                new PageTarget(responder.id(), responder.name(), responder.email(), responder.slackUserId(),
                        responder.contactMethods().stream().map(ContactRule::toContactMethod).toList()),
                properties.incidentUrl(incident.incidentId()), now, teamChannel, incident.recentChanges(), because);
    }
}
