package io.oncallhq.ingest.integration;

/** Someone changed the integration between reading and writing it; reading it again and retrying is safe. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String what) {
        super(what + " was changed at the same time; read it again and retry");
    }
}
