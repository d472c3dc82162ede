package io.oncallhq.incident.directory;

import io.oncallhq.incident.schedule.OnCall;
import io.oncallhq.incident.schedule.Schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whom one escalation level pages at a moment: its named responders, then whoever is on call in each of its
 * schedules, each once, in the policy's order, leaving out those with no way to be reached; each with what put them
 * on the level (named directly wins over a schedule). When that is nobody, {@code nobody} says why: the first cause
 * found, a schedule's before a responder's.
 */
public record LevelOnCall(List<ChosenResponder> chosen, Optional<Unroutable> nobody) {

    /**
     * @param schedules  the level's schedules that exist, by id
     * @param responders the responders {@link #responderIds} names that exist, by id
     */
    static LevelOnCall of(EscalationPolicy.Level level, Map<String, Schedule> schedules,
                          Map<String, Responder> responders, Instant now) {
        List<Unroutable> causes = new ArrayList<>();
        Map<String, Schedule> byScheduleOf = new LinkedHashMap<>();
        Map<String, OnCall> onCallOf = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>(level.responderIds());
        for (String scheduleId : level.scheduleIds()) {
            Schedule schedule = schedules.get(scheduleId);
            if (schedule == null) {
                causes.add(Unroutable.unknownSchedule(scheduleId));
                continue;
            }
            schedule.whoIsOnCallAt(now).ifPresentOrElse(onCall -> {
                if (ids.add(onCall.responderId())) {
                    byScheduleOf.put(onCall.responderId(), schedule);
                    onCallOf.put(onCall.responderId(), onCall);
                }
            }, () -> causes.add(Unroutable.scheduleGap(schedule, now)));
        }
        List<ChosenResponder> reachable = new ArrayList<>();
        for (String id : ids) {
            Responder responder = responders.get(id);
            if (responder == null) {
                causes.add(Unroutable.responderMissing(id));
            } else if (responder.contactMethods().isEmpty()) {
                causes.add(Unroutable.noContact(responder));
            } else if (onCallOf.containsKey(id)) {
                OnCall onCall = onCallOf.get(id);
                reachable.add(new ChosenResponder(responder, byScheduleOf.get(id), onCall,
                        onCall.standsInFor() == null ? null : responders.get(onCall.standsInFor())));
            } else {
                reachable.add(ChosenResponder.direct(responder));
            }
        }
        if (!reachable.isEmpty()) {
            return new LevelOnCall(reachable, Optional.empty());
        }
        return new LevelOnCall(List.of(), Optional.of(causes.isEmpty() ? Unroutable.nobodyOnLevel() : causes.getFirst()));
    }

    /**
     * The ids whose responders {@link #of} needs: the level's own, those on call in its schedules and those an
     * override stands in for (named on the page, not paged).
     */
    static Set<String> responderIds(EscalationPolicy.Level level, Map<String, Schedule> schedules, Instant now) {
        Set<String> ids = new LinkedHashSet<>(level.responderIds());
        level.scheduleIds().stream().map(schedules::get).filter(Objects::nonNull)
                .forEach(schedule -> schedule.whoIsOnCallAt(now).ifPresent(onCall -> {
                    ids.add(onCall.responderId());
                    if (onCall.standsInFor() != null) {
                        ids.add(onCall.standsInFor());
                    }
                }));
        return ids;
    }
}
