package io.oncallhq.incident.silence;

import io.oncallhq.contracts.Actor;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A silence or maintenance window: from {@code startsAt} until {@code endsAt}, alerts that match every matcher (of
 * the one service, or of any service when {@code serviceId} is null) open or join incidents without paging. A
 * service silence without matchers is a maintenance window for the whole service. It expires by its end time alone:
 * nothing deletes it (no TTL), it simply stops matching.
 */
@Document(Silences.COLLECTION)
public record Silence(@Id String id, String name, String serviceId, List<LabelMatcher> matchers, Instant startsAt,
                      Instant endsAt, Actor createdBy, Instant createdAt) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public Silence {
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
    }

    public enum State { PENDING, ACTIVE, EXPIRED }

    public State state(Instant now) {
        if (now.isBefore(startsAt)) {
            return State.PENDING;
        }
        return now.isBefore(endsAt) ? State.ACTIVE : State.EXPIRED;
    }

    boolean appliesTo(String alertServiceId, Map<String, String> labels, Instant now) {
        return state(now) == State.ACTIVE
                && (serviceId == null || serviceId.equals(alertServiceId))
                && matchers.stream().allMatch(matcher -> matcher.matches(labels));
    }

    Silence endedAt(Instant now) {
        return new Silence(id, name, serviceId, matchers, startsAt, now.isBefore(endsAt) ? now : endsAt, createdBy,
                createdAt);
    }

    /** The timeline's explanation: {@code Not paged: maintenance window "db upgrade" until 2026-11-22 12:00 UTC}. */
    public String reason() {
        String what = serviceId != null && matchers.isEmpty() ? "maintenance window" : "silence";
        String matched = matchers.isEmpty() ? ""
                : " matched " + matchers.stream().map(LabelMatcher::toString).collect(Collectors.joining(", "));
        return "Not paged: " + what + " \"" + name + "\"" + matched + " until " + WHEN.format(endsAt);
    }
}
