package io.oncallhq.incident.silence;

public class SilenceNotFoundException extends RuntimeException {

    public SilenceNotFoundException(String id) {
        super("No silence " + id);
    }
}
