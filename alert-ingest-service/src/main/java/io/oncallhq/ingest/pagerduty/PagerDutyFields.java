package io.oncallhq.ingest.pagerduty;

import io.oncallhq.ingest.intake.FieldViolation;
import io.oncallhq.ingest.intake.HttpUrls;
import io.oncallhq.ingest.intake.InvalidAlertException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The fields PagerDuty's alert and change events share, read and checked by the same rules. */
final class PagerDutyFields {

    static final int MAX_SUMMARY_LENGTH = 1024;
    /** ISO 8601 as PagerDuty's own examples write it ({@code 2015-07-17T08:42:58.315+0000}) as well as RFC 3339. */
    private static final DateTimeFormatter ISO_8601 = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private PagerDutyFields() {
    }

    /**
     * The integration key an event names, once the whole event is valid (so that one answer lists every fault). The
     * body's {@code routing_key} comes first; without one, the {@code X-Routing-Key} header, where PagerDuty's Python
     * client ({@code pdpyras}' {@code EventsAPISession}) long sent the key and PagerDuty accepts it.
     *
     * @param headerKey    the request's {@code X-Routing-Key}, null when it has none
     * @param requireValid adds the event's own faults to those given (the routing key's) and throws if there are any
     * @throws InvalidAlertException when the event breaks PagerDuty's rules
     */
    static String routingKey(String bodyKey, String headerKey, Consumer<List<FieldViolation>> requireValid) {
        String routingKey = hasText(bodyKey) ? bodyKey : headerKey;
        List<FieldViolation> violations = new ArrayList<>();
        if (!hasText(routingKey)) {
            violations.add(new FieldViolation("routing_key", "is missing or blank"));
        }
        requireValid.accept(violations);
        return routingKey;
    }

    static void checkSummary(String summary, List<FieldViolation> violations) {
        if (!hasText(summary)) {
            violations.add(new FieldViolation("payload.summary", "is missing or blank"));
        } else if (summary.length() > MAX_SUMMARY_LENGTH) {
            violations.add(new FieldViolation("payload.summary", "must be at most " + MAX_SUMMARY_LENGTH + " characters"));
        }
    }

    /** A blank timestamp is none (go-pagerduty sends {@code ""} for one it was not given). */
    static void checkTimestamp(String timestamp, List<FieldViolation> violations) {
        try {
            timestamp(timestamp);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation("payload.timestamp", "must be an ISO 8601 date-time"));
        }
    }

    /** Links travel to responders' browsers: each needs an absolute http(s) {@code href}. */
    static void checkLinks(List<PagerDutyEvent.Link> links, List<FieldViolation> violations) {
        List<PagerDutyEvent.Link> present = links == null ? List.of() : links;
        for (int i = 0; i < present.size(); i++) {
            if (present.get(i) == null || !HttpUrls.isHttpUrl(present.get(i).href())) {
                violations.add(new FieldViolation("links[" + i + "].href", "must be an absolute http or https URL"));
            }
        }
    }

    /** @return null when blank; an ISO 8601 time without an offset is taken as UTC */
    static Instant timestamp(String timestamp) {
        if (!hasText(timestamp)) {
            return null;
        }
        TemporalAccessor parsed = ISO_8601.parseBest(timestamp, OffsetDateTime::from, LocalDateTime::from);
        return parsed instanceof OffsetDateTime withOffset ? withOffset.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    /** {@code custom_details} into {@code details}: an object's entries, any other JSON value under its own name. */
    static void putCustomDetails(Object custom, Map<String, Object> details) {
        if (custom instanceof Map<?, ?> map) {
            map.forEach((name, value) -> details.put(String.valueOf(name), value));
        } else if (custom != null) {
            details.put("custom_details", custom); // PagerDuty also takes a string or any other JSON value here
        }
    }

    static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
