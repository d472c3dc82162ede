package io.oncallhq.incident.change;

import io.oncallhq.contracts.change.ChangeRecorded;
import io.oncallhq.contracts.page.RecentChange;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A change a tool reported to a service (a deploy, a configuration applied), kept so that pages and the incident
 * API can say what changed before an incident. {@code id} is the CloudEvent id of its {@code change.recorded.v1}.
 *
 * @param source     where the change was made, as its sender named it; null when not given
 * @param links      links to the change (the build, the pull request), the sender's first first
 * @param occurredAt when the change happened according to its sender
 */
public record ServiceChange(@Id String id, String serviceId, String summary, String source, List<Link> links,
                            Instant occurredAt) {

    public record Link(String href, String text) {
    }

    public ServiceChange {
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** At MongoDB's millisecond precision, so a stored change reads back equal to the one received. */
    static ServiceChange received(String eventId, ChangeRecorded change) {
        List<Link> links = change.links() == null ? List.of()
                : change.links().stream().map(link -> new Link(link.href(), link.text())).toList();
        return new ServiceChange(eventId, change.serviceId(), change.summary(), change.source(), links,
                change.occurredAt().truncatedTo(ChronoUnit.MILLIS));
    }

    /** As a page carries it: the first link only, which is the one a responder follows. */
    public RecentChange onPage() {
        return new RecentChange(summary, source, occurredAt, links.isEmpty() ? null : links.getFirst().href());
    }
}
