package io.oncallhq.incident.oncall;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.stream.IntStream;

/** Read-only view of the on-call model; editing it comes later. */
@RestController
class OnCallController {

    private final OnCallDirectory directory;

    OnCallController(OnCallDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/services")
    List<ServiceResponse> services() {
        return directory.allServices().stream().map(ServiceResponse::of).toList();
    }

    @GetMapping("/services/{id}")
    ServiceResponse service(@PathVariable String id) {
        return ServiceResponse.of(directory.service(id));
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
