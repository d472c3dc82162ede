package io.oncallhq.incident.directory;

import io.oncallhq.contracts.page.ContactMethod;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Someone who can be paged. {@code slackUserId} links Slack clicks back to the responder.
 *
 * @param contactRules how to reach them, first choice first; empty means the default (see {@link #contactMethods})
 * @param workingHours when they work, in {@code timeZone}; null when not declared
 */
@Document("responders")
public record Responder(@Id String id, String name, String email, String timeZone, String slackUserId,
                        List<ContactRule> contactRules, WorkingHours workingHours) {

    public Responder {
        contactRules = contactRules == null ? List.of() : List.copyOf(contactRules);
    }

    public Responder(String id, String name, String email, String timeZone, String slackUserId) {
        this(id, name, email, timeZone, slackUserId, List.of(), null);
    }

    /** The declared contact rules, or by default Slack and then e-mail, each only when set. */
    public List<ContactRule> contactMethods() {
        if (!contactRules.isEmpty()) {
            return contactRules;
        }
        List<ContactRule> defaults = new ArrayList<>();
        if (slackUserId != null && !slackUserId.isBlank()) {
            defaults.add(new ContactRule(ContactMethod.SLACK, slackUserId));
        }
        if (email != null && !email.isBlank()) {
            defaults.add(new ContactRule(ContactMethod.EMAIL, email));
        }
        return defaults;
    }

    /**
     * Whether {@code at} falls within the responder's working hours in their zone. Without declared working hours
     * every instant counts as within them: nobody is paged "outside working hours" they never stated.
     */
    public boolean isWithinWorkingHours(Instant at) {
        if (workingHours == null) {
            return true;
        }
        ZoneId zone = timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        return workingHours.covers(at.atZone(zone));
    }
}
