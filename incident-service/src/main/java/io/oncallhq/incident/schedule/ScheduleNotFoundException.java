package io.oncallhq.incident.schedule;

/** A request names a schedule that does not exist. */
public class ScheduleNotFoundException extends RuntimeException {

    public ScheduleNotFoundException(String scheduleId) {
        super("No schedule " + scheduleId);
    }
}
