package io.oncallhq.incident.oncall;

import io.oncallhq.incident.config.InvalidRequestException;
import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import io.oncallhq.incident.schedule.Schedules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The on-call model: teams and responders (read-only for now), services with their escalation policies. */
@RestController
class OnCallController {

    private final OnCallDirectory directory;
    private final Schedules schedules;

    OnCallController(OnCallDirectory directory, Schedules schedules) {
        this.directory = directory;
        this.schedules = schedules;
    }

    @GetMapping("/services")
    List<ServiceResponse> services() {
        return directory.allServices().stream().map(ServiceResponse::of).toList();
    }

    @GetMapping("/services/{id}")
    ServiceResponse service(@PathVariable String id) {
        return ServiceResponse.of(directory.service(id));
    }

    /** Creates the service or replaces it with its escalation policy; every responder and schedule must exist. */
    @PutMapping("/services/{id}")
    ServiceResponse putService(@PathVariable String id, @Valid @RequestBody ServiceRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        List<LevelRequest> levels = request.escalationPolicy().levels();
        for (int i = 0; i < levels.size(); i++) {
            LevelRequest level = levels.get(i);
            if (level.responderIds().isEmpty() && level.scheduleIds().isEmpty()) {
                problems.add(new FieldProblem("escalationPolicy.levels[" + i + "]",
                        "must name at least one responder or schedule"));
            }
            for (int j = 0; j < level.responderIds().size(); j++) {
                if (!directory.hasResponder(level.responderIds().get(j))) {
                    problems.add(new FieldProblem("escalationPolicy.levels[" + i + "].responderIds[" + j + "]",
                            "no responder " + level.responderIds().get(j)));
                }
            }
            for (int j = 0; j < level.scheduleIds().size(); j++) {
                if (schedules.find(level.scheduleIds().get(j)).isEmpty()) {
                    problems.add(new FieldProblem("escalationPolicy.levels[" + i + "].scheduleIds[" + j + "]",
                            "no schedule " + level.scheduleIds().get(j)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        TechnicalService service = new TechnicalService(id, request.name(), request.teamId(), new EscalationPolicy(
                levels.stream().map(level -> new EscalationPolicy.Level(level.responderIds(), level.scheduleIds(),
                        level.delayMinutes())).toList(), request.escalationPolicy().repeat()), request.autoResolve());
        directory.saveService(service);
        return ServiceResponse.of(service);
    }

    record ServiceRequest(@NotBlank @Size(max = 200) String name, @NotBlank String teamId,
                          @NotNull @Valid PolicyRequest escalationPolicy, Boolean autoResolve) {
    }

    /** @param repeat how many more times the whole policy runs after its first round */
    record PolicyRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull LevelRequest> levels,
                         @Min(0) @Max(9) int repeat) {
    }

    record LevelRequest(List<@NotBlank String> responderIds, List<@NotBlank String> scheduleIds,
                        @Min(1) @Max(1440) int delayMinutes) {

        LevelRequest {
            responderIds = responderIds == null ? List.of() : responderIds;
            scheduleIds = scheduleIds == null ? List.of() : scheduleIds;
        }
    }

    @GetMapping("/teams")
    List<TeamResponse> teams() {
        return directory.allTeams().stream().map(team -> new TeamResponse(team.id(), team.name())).toList();
    }

    @GetMapping("/responders")
    List<ResponderResponse> responders() {
        return directory.allResponders().stream().map(r -> new ResponderResponse(r.id(), r.name(), r.email(),
                r.timeZone(), r.slackUserId())).toList();
    }

    record TeamResponse(String id, String name) {
    }

    record ResponderResponse(String id, String name, String email, String timeZone, String slackUserId) {
    }

    record LevelResponse(int level, List<String> responderIds, int delayMinutes, List<String> scheduleIds) {
    }

    record ServiceResponse(String id, String name, String teamId, List<LevelResponse> escalationPolicy,
                           boolean autoResolve, int repeat) {

        static ServiceResponse of(TechnicalService service) {
            List<EscalationPolicy.Level> levels = service.policy().levels();
            List<LevelResponse> policy = IntStream.range(0, levels.size())
                    .mapToObj(i -> new LevelResponse(i + 1, levels.get(i).responderIds(), levels.get(i).delayMinutes(),
                            levels.get(i).scheduleIds()))
                    .toList();
            return new ServiceResponse(service.id(), service.name(), service.teamId(), policy,
                    service.resolvesAutomatically(), service.policy().rounds() - 1);
        }
    }
}
