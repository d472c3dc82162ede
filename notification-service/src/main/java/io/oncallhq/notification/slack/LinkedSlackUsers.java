package io.oncallhq.notification.slack;

import io.oncallhq.notification.config.NotificationProperties;
import io.oncallhq.notification.paging.PageDeliveries;
import io.oncallhq.notification.slack.IncidentDirectory.IncidentServiceUnavailableException;
import io.oncallhq.notification.slack.IncidentDirectory.Responder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which Slack users may press the buttons and use {@code /incident}: those with a responder in incident-service's
 * directory ({@code GET /responders}, their {@code slackUserId}), paged or not. The directory's Slack ids are kept for
 * the configured time ({@code notification.responders-cache-ttl}), so a press asks incident-service at most once in
 * that time; nothing tells this service when responders change, so a change counts here once that time is over. When
 * incident-service cannot be reached (not cached, asked again at the next press), a Slack user paged by this service
 * before counts as linked, so a paged responder is not refused for an outage.
 */
@Component
class LinkedSlackUsers {

    private static final Logger log = LoggerFactory.getLogger(LinkedSlackUsers.class);

    private final Supplier<List<Responder>> directory;
    private final Predicate<String> pagedBefore;
    private final Duration ttl;
    private final Clock clock;
    private volatile Snapshot snapshot;

    @Autowired
    LinkedSlackUsers(IncidentDirectory directory, PageDeliveries deliveries, NotificationProperties properties,
                     Clock clock) {
        this(directory::responders, deliveries::pagedSlackUser, properties.respondersCacheTtl(), clock);
    }

    LinkedSlackUsers(Supplier<List<Responder>> directory, Predicate<String> pagedBefore, Duration ttl, Clock clock) {
        this.directory = directory;
        this.pagedBefore = pagedBefore;
        this.ttl = ttl;
        this.clock = clock;
    }

    private record Snapshot(Set<String> slackUserIds, Instant takenAt) {
    }

    boolean linked(String slackUserId) {
        try {
            return directorySlackIds().contains(slackUserId);
        } catch (IncidentServiceUnavailableException e) {
            boolean paged = pagedBefore.test(slackUserId);
            log.warn("incident-service did not list its responders ({}); Slack user {} {}", e.getMessage(), slackUserId,
                    paged ? "was paged here before: linked" : "was never paged here: not linked");
            return paged;
        }
    }

    private Set<String> directorySlackIds() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || !now.isBefore(current.takenAt().plus(ttl))) {
            current = new Snapshot(directory.get().stream().map(Responder::slackUserId)
                    .filter(id -> id != null && !id.isBlank()).collect(Collectors.toUnmodifiableSet()), now);
            snapshot = current;
        }
        return current.slackUserIds();
    }
}
