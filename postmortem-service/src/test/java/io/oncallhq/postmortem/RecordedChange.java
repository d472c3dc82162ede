package io.oncallhq.postmortem;

import io.oncallhq.contracts.alert.AlertLink;
import io.oncallhq.contracts.change.ChangeRecorded;
import io.oncallhq.postmortem.change.ServiceChange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Object mother: changes to a service as alert-ingest publishes them from PagerDuty change events. */
public final class RecordedChange {

    /** A change with the CloudEvent id it travelled under. */
    public record Recorded(String id, ChangeRecorded event) {

        /** As this service stores it. */
        public ServiceChange stored() {
            return ServiceChange.of(id, event);
        }
    }

    private RecordedChange() {
    }

    /** The deploy pipeline reports a release of the service going out. */
    public static Recorded deployed(String id, String serviceId, String release, Instant at) {
        return new Recorded(id, new ChangeRecorded(serviceId, serviceId + "-pagerduty", "pagerduty",
                "Deployed checkout " + release, "argo-cd", Map.of("release", release),
                List.of(new AlertLink("https://ci.example.com/deploys/" + release, "Deploy " + release)), at, at,
                "{\"payload\":{\"summary\":\"Deployed checkout " + release + "\"}}"));
    }

    /** A configuration applied by hand, reported without a source or links. */
    public static Recorded configured(String id, String serviceId, String what, Instant at) {
        return new Recorded(id, new ChangeRecorded(serviceId, serviceId + "-pagerduty", "pagerduty", what, null,
                Map.of(), List.of(), at, at, "{}"));
    }
}
