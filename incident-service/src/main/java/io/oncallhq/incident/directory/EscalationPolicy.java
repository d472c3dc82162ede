package io.oncallhq.incident.directory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Who is paged, in order: level 1 first, the next level when nobody acknowledged within the level's delay. After
 * the last level the whole policy starts over at level 1, {@code repeat} more times.
 *
 * @param repeat how many times the policy runs again after its first round (0 or null: once)
 */
public record EscalationPolicy(List<Level> levels, Integer repeat) {

    public EscalationPolicy {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public EscalationPolicy(List<Level> levels) {
        this(levels, 0);
    }

    /** @param number 1 for the first level */
    public Optional<Level> level(int number) {
        return number >= 1 && number <= levels.size() ? Optional.of(levels.get(number - 1)) : Optional.empty();
    }

    public int rounds() {
        return 1 + (repeat == null ? 0 : Math.max(0, repeat));
    }

    /** The level after this one: the next level of the round, or level 1 of the next round; empty when done. */
    public Optional<Position> after(int level, int round) {
        if (level < levels.size()) {
            return Optional.of(new Position(level + 1, round));
        }
        return round < rounds() && !levels.isEmpty() ? Optional.of(new Position(1, round + 1)) : Optional.empty();
    }

    /** @param round 1 for the first pass through the levels */
    public record Position(int level, int round) {
    }

    /**
     * @param responderIds responders paged directly
     * @param scheduleIds  schedules whose on-call responder at the moment of paging is paged
     * @param delayMinutes how long to wait for an acknowledgement before the next level is paged
     */
    public record Level(List<String> responderIds, List<String> scheduleIds, int delayMinutes) {

        public Level {
            responderIds = responderIds == null ? List.of() : List.copyOf(responderIds);
            scheduleIds = scheduleIds == null ? List.of() : List.copyOf(scheduleIds);
        }

        public Level(List<String> responderIds, int delayMinutes) {
            this(responderIds, List.of(), delayMinutes);
        }

        public Duration delay() {
            return Duration.ofMinutes(delayMinutes);
        }
    }
}
