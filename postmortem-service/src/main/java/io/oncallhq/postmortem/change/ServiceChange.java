package io.oncallhq.postmortem.change;

import io.oncallhq.contracts.change.ChangeRecorded;
import io.oncallhq.postmortem.history.Link;
import io.oncallhq.postmortem.history.TimelineEntry;
import io.oncallhq.postmortem.history.TimelineKind;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A change a tool reported to a service (a deploy, a build, a configuration applied), as the post-mortems of the
 * service's incidents list it. One per {@code change.recorded.v1}, whose CloudEvent id it keeps.
 *
 * @param source     where the change was made (a pipeline, a host), as the sender named it; null when not given
 * @param links      links to the change (the build, the pull request)
 * @param occurredAt when the change happened according to its sender
 */
public record ServiceChange(String id, String serviceId, String summary, String source, List<Link> links,
                            Instant occurredAt) {

    /** Oldest first; changes of the same instant stable by id. */
    public static final Comparator<ServiceChange> ORDER = Comparator.comparing(ServiceChange::occurredAt)
            .thenComparing(ServiceChange::id);

    public ServiceChange {
        Objects.requireNonNull(serviceId, "a change names its service");
        Objects.requireNonNull(summary, "a change has a summary");
        Objects.requireNonNull(occurredAt, "a change has a time");
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** MongoDB keeps milliseconds; taking the time at that precision keeps stored and fresh changes equal. */
    public static ServiceChange of(String eventId, ChangeRecorded recorded) {
        List<Link> links = recorded.links() == null ? List.of()
                : recorded.links().stream().map(link -> new Link(link.href(), link.text())).toList();
        Instant occurredAt = recorded.occurredAt() == null ? null : recorded.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        return new ServiceChange(eventId, recorded.serviceId(), recorded.summary(), recorded.source(), links, occurredAt);
    }

    /** Its line on the timeline of an incident it came before or during. */
    public TimelineEntry timelineEntry() {
        return new TimelineEntry(id, occurredAt, TimelineKind.CHANGE, null,
                "Change: " + summary + (source == null ? "" : " (source: " + source + ")"));
    }
}
