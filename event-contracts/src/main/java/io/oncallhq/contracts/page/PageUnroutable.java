package io.oncallhq.contracts.page;

import io.oncallhq.contracts.EventType;
import io.oncallhq.contracts.Severity;

import java.time.Instant;

/**
 * incident-service found nobody to page at one escalation level and moved on to the next one at once.
 *
 * @param reason      why nobody was paged: {@link #SCHEDULE_GAP}, {@link #NO_CONTACT}, {@link #RESPONDER_MISSING},
 *                    or {@link #NO_ONE_ON_CALL} when the level names no responder and no schedule (or the
 *                    policy has no levels)
 * @param detail      the cause in words, as the incident's timeline says it
 *                    ("nobody on call in Payments primary from 02:00 to 06:00 UTC")
 * @param scheduleId  for a schedule gap, the schedule with nobody on call; null otherwise
 * @param scheduleName its name; null when the schedule no longer exists (and for other reasons)
 * @param gapStart    for a schedule gap, the end of the schedule's last shift before the page; null when it never
 *                    had one, and for other reasons
 * @param gapEnd      for a schedule gap, the start of its next shift; null when nothing is scheduled in the
 *                    look-ahead, and for other reasons
 * @param teamChannel the Slack channel of the service's team (as {@link PageRequested} carries it); null when none
 */
@EventType("page.unroutable.v1")
public record PageUnroutable(
        String incidentId,
        long incidentNumber,
        String serviceId,
        String serviceName,
        String title,
        Severity severity,
        int level,
        String reason,
        String detail,
        String scheduleId,
        String scheduleName,
        Instant gapStart,
        Instant gapEnd,
        String teamChannel,
        String incidentUrl,
        Instant occurredAt) implements PageEvent {

    public static final String SCHEDULE_GAP = "schedule-gap";
    public static final String NO_CONTACT = "no-contact";
    public static final String RESPONDER_MISSING = "responder-missing";
    public static final String NO_ONE_ON_CALL = "no-one-on-call";
}
