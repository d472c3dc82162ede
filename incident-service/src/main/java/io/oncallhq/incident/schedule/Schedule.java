package io.oncallhq.incident.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who is on call, computed in the schedule's time zone. Layers are stacked: where several are active, the last
 * one wins (a later layer is a newer rotation or a partial cover). An override wins over every layer; of two
 * overlapping overrides the later-added one wins.
 */
public record Schedule(String id, String name, String timeZone, List<RotationLayer> layers,
                       List<ScheduleOverride> overrides) {

    public Schedule {
        layers = layers == null ? List.of() : List.copyOf(layers);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        ZoneId.of(timeZone);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The responder on call at {@code at}; empty when no layer has started and no override covers it. */
    public Optional<String> onCallAt(Instant at) {
        return whoIsOnCallAt(at).map(OnCall::responderId);
    }

    /** Who is on call at {@code at} and through which override or layer's shift. */
    public Optional<OnCall> whoIsOnCallAt(Instant at) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            ScheduleOverride override = overrides.get(i);
            if (override.covers(at)) {
                String standsInFor = layerShiftAt(at).map(OnCall::responderId)
                        .filter(covered -> !covered.equals(override.responderId())).orElse(null);
                return Optional.of(new OnCall(override.responderId(), override.start(), override.end(), null,
                        standsInFor, override.addedBy()));
            }
        }
        return layerShiftAt(at);
    }

    /**
     * This schedule as it replaces {@code before}: an override {@code before} had already (same responder and window)
     * keeps who added it and when; every other override is credited to {@code by} at {@code at}. A schedule is written
     * whole, so this is how an override keeps its author through later edits of the schedule.
     */
    public Schedule creditingNewOverrides(Optional<Schedule> before, String by, Instant at) {
        List<ScheduleOverride> earlier = before.map(Schedule::overrides).orElse(List.of());
        return new Schedule(id, name, timeZone, layers, overrides.stream()
                .map(override -> earlier.stream().filter(override::sameCoverAs).findFirst()
                        .orElseGet(() -> override.addedBy(by, at)))
                .toList());
    }

    private Optional<OnCall> layerShiftAt(Instant at) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Optional<Shift> shift = layers.get(i).shiftAt(at, zone());
            if (shift.isPresent()) {
                String layer = layers.get(i).name() == null ? "layer " + (i + 1) : layers.get(i).name();
                return Optional.of(new OnCall(shift.get().responderId(), shift.get().start(), shift.get().end(), layer,
                        null, null));
            }
        }
        return Optional.empty();
    }

    /**
     * The final shifts within {@code [from, to)}, clipped to it: every change of hands (a layer's handoff, an
     * override's start or end) splits time, and neighbouring pieces with the same responder are joined. Time
     * with nobody on call has no shift.
     */
    public List<Shift> shiftsBetween(Instant from, Instant to) {
        TreeSet<Instant> boundaries = new TreeSet<>(List.of(from, to));
        for (RotationLayer layer : layers) {
            layer.shiftsBetween(from, to, zone()).forEach(shift -> {
                boundaries.add(shift.start());
                boundaries.add(shift.end());
            });
        }
        overrides.forEach(override -> {
            boundaries.add(override.start());
            boundaries.add(override.end());
        });
        List<Instant> cuts = new ArrayList<>(boundaries.subSet(from, true, to, true));
        List<Shift> shifts = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            Instant start = cuts.get(i);
            Instant end = cuts.get(i + 1);
            onCallAt(start).ifPresent(responder -> {
                Shift last = shifts.isEmpty() ? null : shifts.getLast();
                if (last != null && last.responderId().equals(responder) && last.end().equals(start)) {
                    shifts.set(shifts.size() - 1, new Shift(responder, last.start(), end));
                } else {
                    shifts.add(new Shift(responder, start, end));
                }
            });
        }
        return shifts;
    }
}
