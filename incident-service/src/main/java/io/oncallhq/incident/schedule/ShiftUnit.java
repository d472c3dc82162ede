package io.oncallhq.incident.schedule;

/**
 * How a rotation's shift length is counted. Days and weeks are calendar units in the schedule's zone (a daily
 * 09:00 handoff stays at 09:00 local, so a shift across a DST change lasts 23 or 25 hours); hours are elapsed time.
 */
public enum ShiftUnit {
    HOURS, DAYS, WEEKS
}
