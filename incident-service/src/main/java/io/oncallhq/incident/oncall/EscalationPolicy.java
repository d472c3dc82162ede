package io.oncallhq.incident.oncall;

import java.util.List;
import java.util.Optional;

/**
 * Who is paged, in order: level 1 first, the next level when nobody acknowledged within the level's delay
 * (timers come later; for now a level is reached by an explicit escalation).
 */
public record EscalationPolicy(List<Level> levels) {

    public EscalationPolicy {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** @param number 1 for the first level */
    public Optional<Level> level(int number) {
        return number >= 1 && number <= levels.size() ? Optional.of(levels.get(number - 1)) : Optional.empty();
    }

    /** @param delayMinutes how long to wait for an acknowledgement before the next level is paged */
    public record Level(List<String> responderIds, int delayMinutes) {

        public Level {
            responderIds = responderIds == null ? List.of() : List.copyOf(responderIds);
        }
    }
}
