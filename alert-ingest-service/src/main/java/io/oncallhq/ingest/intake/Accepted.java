package io.oncallhq.ingest.intake;

import java.util.ArrayList;
import java.util.List;

/** What the sender learns once the broker has the alert. */
public record Accepted(String dedupKey, String eventId) {

    /** One per alert of the request, in the order sent. */
    public static List<Accepted> of(Published<NormalisedAlert> published) {
        List<NormalisedAlert> alerts = published.normalised();
        List<Accepted> accepted = new ArrayList<>(alerts.size());
        for (int i = 0; i < alerts.size(); i++) {
            accepted.add(new Accepted(alerts.get(i).senderDedupKey(), published.eventIds().get(i)));
        }
        return accepted;
    }
}
