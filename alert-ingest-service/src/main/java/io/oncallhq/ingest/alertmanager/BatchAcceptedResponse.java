package io.oncallhq.ingest.alertmanager;

import io.oncallhq.ingest.intake.Accepted;

import java.util.List;

/** The answer to a batch: every alert of it is on Kafka, in the order sent. */
public record BatchAcceptedResponse(String status, List<Accepted> alerts) {

    public static BatchAcceptedResponse of(List<Accepted> alerts) {
        return new BatchAcceptedResponse("accepted", alerts);
    }
}
