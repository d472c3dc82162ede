package io.oncallhq.ingest.heartbeat;

import java.time.Instant;

/** @param state {@code up}, {@code overdue} (an alert is open) or {@code paused} */
record HeartbeatResponse(String integrationId, long intervalSeconds, long graceSeconds, String state, Instant lastPingAt,
                         Instant dueAt) {

    static HeartbeatResponse of(Heartbeat heartbeat) {
        String state = heartbeat.paused() ? "paused" : heartbeat.overdue() ? "overdue" : "up";
        return new HeartbeatResponse(heartbeat.integrationId(), heartbeat.interval().toSeconds(), heartbeat.grace().toSeconds(),
                state, heartbeat.lastPingAt(), heartbeat.dueAt());
    }
}
