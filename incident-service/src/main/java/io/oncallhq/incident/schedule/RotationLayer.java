package io.oncallhq.incident.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Participants take turns in order, one shift each, the first shift starting on {@code startDate} at
 * {@code handoffTime} in the schedule's zone. Handoff k is computed from the start (never by adding up shift
 * durations), so day and week handoffs keep their local time across any number of DST changes. A handoff time
 * that does not exist on a spring-forward night moves forward by the gap (02:30 becomes 03:30); on a fall-back
 * night the earlier of the two 02:30s is used.
 */
public record RotationLayer(String name, List<String> participants, int shiftLength, ShiftUnit unit,
                            LocalTime handoffTime, LocalDate startDate) {

    public RotationLayer {
        participants = participants == null ? List.of() : List.copyOf(participants);
        if (participants.isEmpty() || shiftLength < 1 || unit == null || handoffTime == null || startDate == null) {
            throw new IllegalArgumentException("a rotation layer needs participants, a positive shift length, a unit,"
                    + " a handoff time and a start date");
        }
    }

    /** When this layer's first shift starts. */
    public Instant start(ZoneId zone) {
        return handoff(0, zone);
    }

    /** The shift holding {@code at}; empty before the layer starts. */
    public Optional<Shift> shiftAt(Instant at, ZoneId zone) {
        if (at.isBefore(start(zone))) {
            return Optional.empty();
        }
        long k = estimateIndex(at, zone);
        while (handoff(k, zone).isAfter(at)) {
            k--;
        }
        while (!handoff(k + 1, zone).isAfter(at)) {
            k++;
        }
        return Optional.of(shift(k, zone));
    }

    /** The shifts overlapping {@code [from, to)}, unclipped, in order. */
    public List<Shift> shiftsBetween(Instant from, Instant to, ZoneId zone) {
        List<Shift> shifts = new ArrayList<>();
        Instant first = from.isBefore(start(zone)) ? start(zone) : from;
        if (!first.isBefore(to)) {
            return shifts;
        }
        Shift current = shiftAt(first, zone).orElseThrow();
        while (current.start().isBefore(to)) {
            shifts.add(current);
            current = shiftAt(current.end(), zone).orElseThrow();
        }
        return shifts;
    }

    private Shift shift(long k, ZoneId zone) {
        String responder = participants.get((int) Math.floorMod(k, (long) participants.size()));
        return new Shift(responder, handoff(k, zone), handoff(k + 1, zone));
    }

    /** Handoff k, counted from the layer's start. */
    private Instant handoff(long k, ZoneId zone) {
        ZonedDateTime first = ZonedDateTime.of(startDate, handoffTime, zone);
        return switch (unit) {
            case HOURS -> first.toInstant().plus(Duration.ofHours(k * shiftLength));
            case DAYS -> ZonedDateTime.of(startDate.plusDays(k * shiftLength), handoffTime, zone).toInstant();
            case WEEKS -> ZonedDateTime.of(startDate.plusWeeks(k * shiftLength), handoffTime, zone).toInstant();
        };
    }

    /** A guess within one shift of the right index; {@link #shiftAt} corrects it. */
    private long estimateIndex(Instant at, ZoneId zone) {
        return switch (unit) {
            case HOURS -> Duration.between(start(zone), at).toHours() / shiftLength;
            case DAYS -> ChronoUnit.DAYS.between(startDate, at.atZone(zone).toLocalDate()) / shiftLength;
            case WEEKS -> ChronoUnit.DAYS.between(startDate, at.atZone(zone).toLocalDate()) / (7L * shiftLength);
        };
    }
}
