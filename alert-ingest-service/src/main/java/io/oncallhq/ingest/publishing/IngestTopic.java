package io.oncallhq.ingest.publishing;

import io.oncallhq.contracts.Topics;

/**
 * The topics ingest publishes to. Each has its own meters ({@code oncallhq.<topic>.publish}, {@code .received},
 * {@code .rejected}) and producer span name, fixed here so that a request costs no work to name them.
 */
public enum IngestTopic {

    /** Alert events from monitoring systems and heartbeats. */
    ALERTS(Topics.ALERTS),
    /** Changes that tools report (PagerDuty change events). */
    CHANGES(Topics.CHANGES);

    private final String topic;
    private final String publishObservation;
    private final String receivedMeter;
    private final String rejectedMeter;
    private final String sendSpanName;

    IngestTopic(String topic) {
        this.topic = topic;
        this.publishObservation = "oncallhq." + topic + ".publish";
        this.receivedMeter = "oncallhq." + topic + ".received";
        this.rejectedMeter = "oncallhq." + topic + ".rejected";
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

    /** The counter of events published to the topic. */
    public String receivedMeter() {
        return receivedMeter;
    }

    /** The counter of requests refused before publishing to the topic. */
    public String rejectedMeter() {
        return rejectedMeter;
    }

    String sendSpanName() {
        return sendSpanName;
    }
}
