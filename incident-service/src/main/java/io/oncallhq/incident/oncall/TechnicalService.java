package io.oncallhq.incident.oncall;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service that alerts are routed to, owned by a team, with the policy saying whom to page.
 *
 * @param autoResolve whether the incident resolves itself once all its alerts resolved; true when not set
 */
@Document("services")
public record TechnicalService(@Id String id, String name, String teamId, EscalationPolicy escalationPolicy,
                               Boolean autoResolve) {

    public boolean resolvesAutomatically() {
        return autoResolve == null || autoResolve;
    }

    public EscalationPolicy policy() {
        return escalationPolicy == null ? new EscalationPolicy(null) : escalationPolicy;
    }
}
