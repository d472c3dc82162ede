package io.oncallhq.incident.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Checks of zone names written by users (schedules and responders). */
public final class TimeZoneNames {

    private TimeZoneNames() {
    }

    /** Whether {@code zone} names a zone the JDK knows; blank counts as known (the not-blank rule reports it). */
    public static boolean isKnownOrBlank(String zone) {
        if (zone == null || zone.isBlank()) {
            return true;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
