package io.oncallhq.incident.directory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * A team owning services.
 *
 * @param members        responder ids
 * @param slackChannelId the Slack channel that sees every page of the team's services; null when none
 */
@Document("teams")
public record Team(@Id String id, String name, List<String> members, String slackChannelId) {

    public Team {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public Team(String id, String name) {
        this(id, name, List.of(), null);
    }
}
