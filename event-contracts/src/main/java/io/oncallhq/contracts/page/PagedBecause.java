package io.oncallhq.contracts.page;

import java.time.Instant;

/**
 * How the paged responder was chosen, so "why me?" needs no recomputing of the rotation.
 *
 * @param kind         {@link #SCHEDULE} (a layer's shift), {@link #OVERRIDE}, {@link #DIRECT} (named on the level) or
 *                     {@link #REASSIGN}
 * @param summary      the same in words, as the incident's timeline says it
 *                     ("on call in Payments primary, layer Weekly, Dec 7 09:00 – Dec 14 09:00 UTC")
 * @param scheduleId   for a schedule or an override, the schedule; null otherwise
 * @param scheduleName its name; null when it has none (and for other kinds)
 * @param layer        for a schedule, the layer's name (or {@code layer 2} when it has none); null otherwise
 * @param start        the shift's start (schedule) or the override's; null for other kinds
 * @param end          the shift's end (schedule) or the override's; null for other kinds
 * @param standsInFor  for an override, the responder the layers would have put on call; null when nobody or for
 *                     other kinds
 * @param by           for a reassignment, who reassigned; for a level reached by escalation, who escalated
 *                     ({@code escalation} when a timer did, or a level before paged nobody); by name; null when
 *                     the level was paged first
 * @param overrideBy   for an override, who added it to the schedule, by name; null when not known (overrides added
 *                     before authors were kept) or for other kinds. Added to v1 as an optional field: earlier payloads
 *                     have none
 */
public record PagedBecause(String kind, String summary, String scheduleId, String scheduleName, String layer,
                           Instant start, Instant end, String standsInFor, String by, String overrideBy) {

    public static final String SCHEDULE = "schedule";
    public static final String OVERRIDE = "override";
    public static final String DIRECT = "direct";
    public static final String REASSIGN = "reassign";
}
