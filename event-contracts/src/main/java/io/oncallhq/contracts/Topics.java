package io.oncallhq.contracts;

/** Kafka topic names, as in docs/architecture.md. */
public final class Topics {

    /** Keyed by service id, so that grouping per service is serial. */
    public static final String ALERTS = "alerts";
    /** Keyed by service id: changes (deploys, configuration) reported by the tools that made them. */
    public static final String CHANGES = "changes";
    /** Keyed by incident id. */
    public static final String INCIDENTS = "incidents";
    /** Keyed by incident id. */
    public static final String PAGES = "pages";
    /** Keyed by incident id. */
    public static final String PAGE_OUTCOMES = "page-outcomes";
    /** Keyed by incident id. */
    public static final String INCIDENT_COMMANDS = "incident-commands";
    /** Keyed by post-mortem id. */
    public static final String POSTMORTEMS = "postmortems";

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** Where an event that kept failing goes, with the error in its headers. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
