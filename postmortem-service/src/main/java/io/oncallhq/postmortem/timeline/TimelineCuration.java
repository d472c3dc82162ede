package io.oncallhq.postmortem.timeline;

import io.oncallhq.postmortem.history.TimelineEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What people did to the generated timeline: entries hidden, highlighted or annotated (by event id), and
 * entries of their own. Kept apart from the generated facts, so a refresh of the timeline never loses it.
 */
public record TimelineCuration(List<Mark> marks, List<AddedEntry> added) {

    /** The curation of one generated entry. */
    public record Mark(String eventId, boolean hidden, boolean highlighted, String annotation, String by, Instant at) {
    }

    /** An entry someone added, such as a decision taken in a call. */
    public record AddedEntry(String id, Instant at, String text, String by, Instant addedAt) {
    }

    /** A line of the timeline as shown: generated or added, with its curation. */
    public record CuratedEntry(String eventId, Instant at, String kind, String actor, String text, boolean hidden,
                               boolean highlighted, String annotation) {
    }

    public TimelineCuration {
        marks = marks == null ? List.of() : List.copyOf(marks);
        added = added == null ? List.of() : List.copyOf(added);
    }

    public static TimelineCuration none() {
        return new TimelineCuration(List.of(), List.of());
    }

    /** Null arguments keep what the entry had. */
    public TimelineCuration marked(String eventId, Boolean hidden, Boolean highlighted, String annotation, String by,
                            Instant now) {
        Mark previous = markOf(eventId);
        Mark mark = new Mark(eventId,
                hidden != null ? hidden : previous != null && previous.hidden(),
                highlighted != null ? highlighted : previous != null && previous.highlighted(),
                annotation != null ? annotation : previous == null ? null : previous.annotation(), by, now);
        List<Mark> updated = new ArrayList<>(marks.stream().filter(existing -> !existing.eventId().equals(eventId)).toList());
        updated.add(mark);
        return new TimelineCuration(updated, added);
    }

    public TimelineCuration with(AddedEntry entry) {
        List<AddedEntry> updated = new ArrayList<>(added);
        updated.add(entry);
        return new TimelineCuration(marks, updated);
    }

    /** The generated entries with their curation and the added ones, in time order (generated first on ties). */
    public List<CuratedEntry> applyTo(List<TimelineEntry> generated) {
        List<CuratedEntry> entries = new ArrayList<>();
        for (TimelineEntry entry : generated) {
            Mark mark = markOf(entry.eventId());
            entries.add(new CuratedEntry(entry.eventId(), entry.at(),
                    entry.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), entry.actor(), entry.text(),
                    mark != null && mark.hidden(), mark != null && mark.highlighted(),
                    mark == null ? null : mark.annotation()));
        }
        for (AddedEntry entry : added) {
            entries.add(new CuratedEntry(entry.id(), entry.at(), "added", entry.by(), entry.text(), false, false, null));
        }
        entries.sort(Comparator.comparing(CuratedEntry::at));
        return entries;
    }

    private Mark markOf(String eventId) {
        return marks.stream().filter(mark -> mark.eventId().equals(eventId)).findFirst().orElse(null);
    }
}
