package io.oncallhq.incident.directory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service that alerts are routed to, owned by a team, with the policy saying whom to page.
 *
 * @param autoResolve           whether the incident resolves itself once all its alerts resolved; true when not set
 * @param groupingWindowMinutes different alerts within this many minutes of an open incident's first alert join it;
 *                              null: off (only the same dedup key joins)
 * @param flapHoldOpenMinutes   an alert firing again within this many minutes of its incident resolving reopens
 *                              that incident (flapping) instead of opening a new one; null: off
 */
@Document("services")
public record TechnicalService(@Id String id, String name, String teamId, EscalationPolicy escalationPolicy,
                               Boolean autoResolve, Integer groupingWindowMinutes, Integer flapHoldOpenMinutes) {

    public TechnicalService(String id, String name, String teamId, EscalationPolicy escalationPolicy,
                            Boolean autoResolve) {
        this(id, name, teamId, escalationPolicy, autoResolve, null, null);
    }

    public boolean resolvesAutomatically() {
        return autoResolve == null || autoResolve;
    }

    public EscalationPolicy policy() {
        return escalationPolicy == null ? new EscalationPolicy(null) : escalationPolicy;
    }
}
