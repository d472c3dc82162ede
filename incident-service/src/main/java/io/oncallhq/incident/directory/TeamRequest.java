package io.oncallhq.incident.directory;

import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

/**
 * A team as written through {@code PUT /teams/{id}} or in an on-call configuration document.
 *
 * @param members        responder ids
 * @param slackChannelId the channel that sees every page of the team's services; optional
 */
public record TeamRequest(@NotBlank @Size(max = 200) String name,
                          @Size(max = 200) List<@NotBlank String> members,
                          @Pattern(regexp = "[CG][A-Z0-9]{1,20}", message = "must be a Slack channel id such as C0123ABCD")
                          String slackChannelId) {

    public TeamRequest {
        members = members == null ? List.of() : members;
    }

    /** @param path where this team is in the request, ending in a dot ("" for a request of its own) */
    public List<FieldProblem> referenceProblems(String path, KnownIds known) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i) != null && !known.hasResponder(members.get(i))) {
                problems.add(new FieldProblem(path + "members[" + i + "]", "no responder " + members.get(i)));
            }
        }
        return problems;
    }

    public Team toTeam(String id) {
        return new Team(id, name, members, slackChannelId);
    }

    public static TeamRequest of(Team team) {
        return new TeamRequest(team.name(), team.members(), team.slackChannelId());
    }
}
