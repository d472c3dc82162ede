package io.oncallhq.incident.lifecycle;

import io.oncallhq.contracts.Actor;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * An incident's timeline: one line for every change, in words a responder reads. It also decides how the lines name
 * people and times of day, so that every line says them the same way.
 */
final class Timeline {

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final List<TimelineEntry> entries;

    Timeline(List<TimelineEntry> entries) {
        this.entries = new ArrayList<>(entries);
    }

    void add(Instant at, String kind, Actor actor, String text) {
        entries.add(new TimelineEntry(at, kind, actor, text));
    }

    /**
     * One more occurrence of something that happens in bursts (the alerts of an incident): when the lines since the
     * last unfolded one include one folding the same kind, it is replaced by one that counts this one too; otherwise a
     * folding line starts. So a burst that mixes kinds (new alerts, repeats, resolutions) keeps one line per kind, and
     * any other line (a note, a page) starts new ones after it.
     *
     * @param text the line for a count of occurrences between the first one's time and now
     */
    void fold(Instant now, String kind, FoldedText text) {
        for (int index = entries.size() - 1; index >= 0 && entries.get(index).folded() != null; index--) {
            TimelineEntry line = entries.get(index);
            if (line.kind().equals(kind)) {
                int count = line.folded() + 1;
                entries.set(index, new TimelineEntry(line.at(), kind, null, text.of(count, line.at(), now), count));
                return;
            }
        }
        entries.add(new TimelineEntry(now, kind, null, text.of(1, now, now), 1));
    }

    @FunctionalInterface
    interface FoldedText {
        String of(int count, Instant first, Instant last);
    }

    /** "between 10:02 and 10:07 UTC", or "at 10:02 UTC" within one minute */
    static String betweenTimesOfDay(Instant first, Instant last) {
        String from = HOUR_MINUTE.format(first);
        String to = HOUR_MINUTE.format(last);
        return (from.equals(to) ? "at " + from : "between " + from + " and " + to) + " UTC";
    }

    List<TimelineEntry> entries() {
        return List.copyOf(entries);
    }

    static String nameOf(Actor actor) {
        return actor.name() != null ? actor.name() : actor.id();
    }

    /** "by Alex Rivera at 10:02 UTC" */
    static String byAt(Actor actor, Instant at) {
        return "by " + nameOf(actor) + " at " + TIME_OF_DAY.format(at);
    }
}
