package io.oncallhq.incident.incident;

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

    private final List<TimelineEntry> entries;

    Timeline(List<TimelineEntry> entries) {
        this.entries = new ArrayList<>(entries);
    }

    void add(Instant at, String kind, Actor actor, String text) {
        entries.add(new TimelineEntry(at, kind, actor, text));
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
