package io.oncallhq.ingest.heartbeat;

/** The integration has no heartbeat set up, or cannot have one. */
public class NoHeartbeatException extends RuntimeException {

    public NoHeartbeatException(String message) {
        super(message);
    }
}
