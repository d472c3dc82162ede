package io.oncallhq.incident.paging;

import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.incident.oncall.ContactRule;
import io.oncallhq.incident.oncall.OnCallDirectory;
import io.oncallhq.incident.oncall.Responder;
import io.oncallhq.incident.oncall.Team;
import io.oncallhq.incident.oncall.TechnicalService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns "page this level" into one {@link PageRequested} per responder of the level, each with a new page id.
 * The caller records them on the incident and saves them with it; notification-service does the paging.
 */
@Component
public class Pager {

    private static final Logger log = LoggerFactory.getLogger(Pager.class);

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
     * @return the pages for the level's responders, each with the responder's contact rules and the Slack channel
     * of the service's team; empty when the service's policy has no such level
     */
    public Optional<List<PageRequested>> pageLevel(Subject incident, TechnicalService service, int level, Instant now) {
        return directory.respondersAt(service, level, now).map(responders -> {
            if (responders.isEmpty()) {
                log.warn("Incident {}: level {} of service {} has nobody to page", incident.incidentId(), level,
                        service.id());
            }
            String teamChannel = teamChannel(service);
            return responders.stream().map(responder -> page(incident, service, level, responder, teamChannel, now))
                    .toList();
        });
    }

    /** One page for one responder (a reassignment pages the new responder at the incident's current level). */
    public PageRequested pageResponder(Subject incident, TechnicalService service, int level, Responder responder,
                                       Instant now) {
        return page(incident, service, level, responder, teamChannel(service), now);
    }

    private String teamChannel(TechnicalService service) {
        return service.teamId() == null ? null
                : directory.findTeam(service.teamId()).map(Team::slackChannelId).orElse(null);
    }

    private PageRequested page(Subject incident, TechnicalService service, int level, Responder responder,
                               String teamChannel, Instant now) {
        return new PageRequested(UUID.randomUUID().toString(), incident.incidentId(), incident.incidentNumber(),
                service.id(), service.name(), incident.title(), incident.severity(), level,
                new PageTarget(responder.id(), responder.name(), responder.email(), responder.slackUserId(),
                        responder.contactMethods().stream().map(ContactRule::toContactMethod).toList()),
                properties.incidentUrl(incident.incidentId()), now, teamChannel, incident.recentChanges());
    }
}
