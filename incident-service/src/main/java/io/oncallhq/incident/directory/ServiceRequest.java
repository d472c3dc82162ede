package io.oncallhq.incident.directory;

import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

/**
 * A service with its escalation policy, as written through {@code PUT /services/{id}} or in an on-call
 * configuration document.
 *
 * @param autoResolve           null: true
 * @param groupingWindowMinutes different alerts within this many minutes of an open incident's first alert join it;
 *                              null: off
 * @param flapHoldOpenMinutes   an alert firing again within this many minutes of its incident resolving reopens it;
 *                              null: off
 */
public record ServiceRequest(@NotBlank @Size(max = 200) String name, @NotBlank String teamId,
                             @NotNull @Valid PolicyRequest escalationPolicy, Boolean autoResolve,
                             @Min(1) @Max(1440) Integer groupingWindowMinutes,
                             @Min(1) @Max(10080) Integer flapHoldOpenMinutes) {

    /** @param path where this service is in the request, ending in a dot ("" for a request of its own) */
    public List<FieldProblem> referenceProblems(String path, KnownIds known) {
        List<FieldProblem> problems = new ArrayList<>();
        if (teamId != null && !teamId.isBlank() && !known.hasTeam(teamId)) {
            problems.add(new FieldProblem(path + "teamId", "no team " + teamId));
        }
        List<LevelRequest> levels = escalationPolicy == null || escalationPolicy.levels() == null ? List.of()
                : escalationPolicy.levels();
        for (int i = 0; i < levels.size(); i++) {
            String at = path + "escalationPolicy.levels[" + i + "]";
            LevelRequest level = levels.get(i);
            if (level == null) {
                continue;
            }
            if (level.responderIds().isEmpty() && level.scheduleIds().isEmpty()) {
                problems.add(new FieldProblem(at, "must name at least one responder or schedule"));
            }
            for (int j = 0; j < level.responderIds().size(); j++) {
                String responderId = level.responderIds().get(j);
                if (!known.hasResponder(responderId)) {
                    problems.add(new FieldProblem(at + ".responderIds[" + j + "]", "no responder " + responderId));
                }
            }
            for (int j = 0; j < level.scheduleIds().size(); j++) {
                String scheduleId = level.scheduleIds().get(j);
                if (!known.hasSchedule(scheduleId)) {
                    problems.add(new FieldProblem(at + ".scheduleIds[" + j + "]", "no schedule " + scheduleId));
                }
            }
        }
        return problems;
    }

    public TechnicalService toService(String id) {
        return new TechnicalService(id, name, teamId, new EscalationPolicy(escalationPolicy.levels().stream()
                .map(level -> new EscalationPolicy.Level(level.responderIds(), level.scheduleIds(),
                        level.delayMinutes())).toList(), escalationPolicy.repeat()),
                autoResolve == null || autoResolve, groupingWindowMinutes, flapHoldOpenMinutes);
    }

    public static ServiceRequest of(TechnicalService service) {
        return new ServiceRequest(service.name(), service.teamId(), new PolicyRequest(service.policy().levels()
                .stream().map(level -> new LevelRequest(level.responderIds(), level.scheduleIds(),
                        level.delayMinutes())).toList(), service.policy().rounds() - 1),
                service.resolvesAutomatically(), service.groupingWindowMinutes(), service.flapHoldOpenMinutes());
    }

    /** @param repeat how many more times the whole policy runs after its first round; none when left out */
    public record PolicyRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull LevelRequest> levels,
                                @Min(0) @Max(9) Integer repeat) {

        public PolicyRequest {
            repeat = repeat == null ? 0 : repeat;
        }
    }

    public record LevelRequest(List<@NotBlank String> responderIds, List<@NotBlank String> scheduleIds,
                               @Min(1) @Max(1440) int delayMinutes) {

        public LevelRequest {
            responderIds = responderIds == null ? List.of() : responderIds;
            scheduleIds = scheduleIds == null ? List.of() : scheduleIds;
        }
    }
}
