package io.oncallhq.incident.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oncallhq.incident.config.InvalidRequestException;
import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import io.oncallhq.incident.coverage.CoverageWarnings;
import io.oncallhq.incident.coverage.GapResponse;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.stream.IntStream;

/** Services with their escalation policies: create or replace by id. */
@RestController
@RequestMapping("/services")
class ServiceController {

    private final OnCallDirectory directory;
    private final CoverageWarnings coverage;

    ServiceController(OnCallDirectory directory, CoverageWarnings coverage) {
        this.directory = directory;
        this.coverage = coverage;
    }

    @GetMapping
    List<ServiceResponse> services() {
        return directory.allServices().stream().map(ServiceResponse::of).toList();
    }

    @GetMapping("/{id}")
    ServiceResponse service(@PathVariable String id) {
        return ServiceResponse.of(directory.service(id));
    }

    /**
     * Creates the service or replaces it with its escalation policy; its team, responders and schedules must exist.
     * The answer's {@code warnings} list the coverage gaps the policy leaves in the next 4 weeks.
     */
    @PutMapping("/{id}")
    ServiceResponse putService(@PathVariable String id, @Valid @RequestBody ServiceRequest request) {
        List<FieldProblem> problems = request.referenceProblems("", directory);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        TechnicalService service = request.toService(id);
        directory.saveService(service);
        return ServiceResponse.of(service).withWarnings(coverage.forService(service));
    }

    record LevelResponse(int level, List<String> responderIds, int delayMinutes, List<String> scheduleIds) {
    }

    /** @param warnings only in the answer of a write: the coverage gaps it leaves */
    record ServiceResponse(String id, String name, String teamId, List<LevelResponse> escalationPolicy,
                           boolean autoResolve, int repeat, Integer groupingWindowMinutes,
                           Integer flapHoldOpenMinutes,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<GapResponse> warnings) {

        static ServiceResponse of(TechnicalService service) {
            List<EscalationPolicy.Level> levels = service.policy().levels();
            List<LevelResponse> policy = IntStream.range(0, levels.size())
                    .mapToObj(i -> new LevelResponse(i + 1, levels.get(i).responderIds(), levels.get(i).delayMinutes(),
                            levels.get(i).scheduleIds()))
                    .toList();
            return new ServiceResponse(service.id(), service.name(), service.teamId(), policy,
                    service.resolvesAutomatically(), service.policy().rounds() - 1, service.groupingWindowMinutes(),
                    service.flapHoldOpenMinutes(), null);
        }

        ServiceResponse withWarnings(List<GapResponse> gaps) {
            return new ServiceResponse(id, name, teamId, escalationPolicy, autoResolve, repeat, groupingWindowMinutes,
                    flapHoldOpenMinutes, gaps);
        }
    }
}
