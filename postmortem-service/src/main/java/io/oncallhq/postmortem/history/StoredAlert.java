package io.oncallhq.postmortem.history;

/**
 * An alert of an incident as {@link IncidentAlerts} stores it.
 *
 * @param id         the incident id and dedup key ({@link IncidentAlerts#idOf}), unique
 * @param attachedBy the {@code AlertAttached} that stored it first; null for alerts moved out of a history
 * @param counted    whether the history counts it
 */
record StoredAlert(String id, String incidentId, IncidentAlert alert, String attachedBy, boolean counted) {
}
