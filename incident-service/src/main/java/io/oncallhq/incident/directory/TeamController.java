package io.oncallhq.incident.directory;

import io.oncallhq.incident.config.InvalidRequestException;
import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Teams: create or replace by id, delete once no service belongs to them. */
@RestController
@RequestMapping("/teams")
class TeamController {

    private final OnCallDirectory directory;

    TeamController(OnCallDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<TeamResponse> teams() {
        return directory.allTeams().stream().map(TeamResponse::of).toList();
    }

    @GetMapping("/{id}")
    TeamResponse team(@PathVariable String id) {
        return TeamResponse.of(directory.team(id));
    }

    /** Creates the team or replaces it; every member must be a known responder. */
    @PutMapping("/{id}")
    TeamResponse put(@PathVariable String id, @Valid @RequestBody TeamRequest request) {
        List<FieldProblem> problems = request.referenceProblems("", directory);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Team team = request.toTeam(id);
        directory.saveTeam(team);
        return TeamResponse.of(team);
    }

    /** 409 while services belong to the team. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        directory.deleteTeam(id);
    }

    /** @param members responder ids */
    record TeamResponse(String id, String name, List<String> members, String slackChannelId) {

        static TeamResponse of(Team team) {
            return new TeamResponse(team.id(), team.name(), team.members(), team.slackChannelId());
        }
    }
}
