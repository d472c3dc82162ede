package io.oncallhq.incident.lifecycle;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How one alert of an incident is stored: keyed by incident and dedup key (the {@code _id}, so unique on every server),
 * with the alert as the last change left it. {@code lastEventId} is the alert event of that change and
 * {@code beforeLastEvent} the alert before it (null when that change attached it): a redelivered event whose incident
 * change was not stored is applied again to the alert as it was, not to its own result.
 */
@Document(StoredAlerts.COLLECTION)
record IncidentAlertDocument(
        @Id String id,
        String incidentId,
        IncidentAlert alert,
        String lastEventId,
        IncidentAlert beforeLastEvent) {
}
