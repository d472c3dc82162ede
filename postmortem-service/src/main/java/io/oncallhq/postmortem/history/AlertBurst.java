package io.oncallhq.postmortem.history;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Alerts attached to an incident in one burst, shown as one line of its timeline instead of a line per alert. A burst
 * is a run of attachments each at most {@link #GAP} after the one before (by the events' {@code occurredAt}): the
 * alerts of one notification, or of a storm, arrive within seconds of each other, while a pause of more than that
 * is worth a line of its own. Since this only asks how far apart attachments are, the bursts are the same whatever
 * order the events arrive in: an attachment that falls between two bursts joins them.
 *
 * @param firstEventId the event that attached the earliest alert of the burst; the line keeps its id, so a person can
 *                     mark it on the post-mortem
 * @param firstText    the line the earliest attachment has alone ({@code Alert attached: <summary>})
 */
public record AlertBurst(String firstEventId, Instant firstAt, Instant lastAt, int alerts, String firstText) {

    /** The longest pause between two attachments of one burst. */
    public static final Duration GAP = Duration.ofMinutes(1);

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** A burst of the one attachment this timeline line tells. */
    static AlertBurst of(TimelineEntry attachment) {
        return new AlertBurst(attachment.eventId(), attachment.at(), attachment.at(), 1, attachment.text());
    }

    /** Whether no pause longer than {@link #GAP} separates the two. */
    boolean touches(AlertBurst other) {
        return !other.firstAt.isAfter(lastAt.plus(GAP)) && !firstAt.isAfter(other.lastAt.plus(GAP));
    }

    /** One burst of both: its earliest attachment is the earlier of the two (by time, then event id). */
    AlertBurst joinedWith(AlertBurst other) {
        boolean thisFirst = firstAt.isBefore(other.firstAt)
                || firstAt.equals(other.firstAt) && firstEventId.compareTo(other.firstEventId) <= 0;
        AlertBurst first = thisFirst ? this : other;
        Instant last = lastAt.isAfter(other.lastAt) ? lastAt : other.lastAt;
        return new AlertBurst(first.firstEventId, first.firstAt, last, alerts + other.alerts, first.firstText);
    }

    /** {@code Alert attached: ...} for one alert, else {@code 340 alerts attached between 10:02 and 10:07 UTC}. */
    public TimelineEntry entry() {
        String text = alerts == 1 ? firstText
                : String.format(Locale.ROOT, "%,d alerts attached ", alerts) + betweenTimesOfDay(firstAt, lastAt);
        return new TimelineEntry(firstEventId, firstAt, TimelineKind.ALERT_ATTACHED, null, text);
    }

    /** "between 10:02 and 10:07 UTC", or "at 10:02 UTC" within one minute, as incident-service says it. */
    private static String betweenTimesOfDay(Instant first, Instant last) {
        String from = HOUR_MINUTE.format(first);
        String to = HOUR_MINUTE.format(last);
        return (from.equals(to) ? "at " + from : "between " + from + " and " + to) + " UTC";
    }
}
