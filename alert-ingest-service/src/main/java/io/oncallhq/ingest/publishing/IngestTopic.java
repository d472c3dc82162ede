package io.oncallhq.ingest.publishing;

import io.oncallhq.contracts.Topics;

/**
 * The topics ingest publishes to. Each has its own publish timer and producer span name, fixed here so that a
 * request costs no work to name them.
 */
public enum IngestTopic {

    /** Alert events from monitoring systems and heartbeats. */
    ALERTS(Topics.ALERTS, "oncallhq.alerts.publish"),
    /** Changes that tools report (PagerDuty change events). */
    CHANGES(Topics.CHANGES, "oncallhq.changes.publish");

    private final String topic;
    private final String publishObservation;
    private final String sendSpanName;

    IngestTopic(String topic, String publishObservation) {
        this.topic = topic;
        this.publishObservation = publishObservation;
        this.sendSpanName = topic + " send";
    }

    /** The Kafka topic's name. */
    public String topic() {
        return topic;
    }

    /** The timer and producer span of one request's sends. */
    String publishObservation() {
        return publishObservation;
    }

    String sendSpanName() {
        return sendSpanName;
    }
}
