package io.oncallhq.incident.configascode;

import io.oncallhq.incident.config.InvalidRequestException;
import io.oncallhq.incident.config.InvalidRequestException.FieldProblem;
import io.oncallhq.incident.coverage.CoverageWarnings;
import io.oncallhq.incident.coverage.GapResponse;
import io.oncallhq.incident.directory.OnCallDirectory;
import io.oncallhq.incident.directory.Responder;
import io.oncallhq.incident.directory.ResponderRequest;
import io.oncallhq.incident.directory.ServiceRequest;
import io.oncallhq.incident.directory.Team;
import io.oncallhq.incident.directory.TeamRequest;
import io.oncallhq.incident.directory.TechnicalService;
import io.oncallhq.incident.configascode.OnCallDiff.Action;
import io.oncallhq.incident.configascode.OnCallDiff.Change;
import io.oncallhq.incident.schedule.Schedule;
import io.oncallhq.incident.schedule.ScheduleRequest;
import io.oncallhq.incident.schedule.Schedules;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Applies an on-call configuration document: validates all of it first (nothing is written when anything is
 * wrong), compares it with what is stored, then writes only what differs, so applying it twice writes nothing the
 * second time. Objects the document does not hold are deleted only with {@code prune}. Writes are one document
 * each (there are no multi-document transactions): a crash part-way leaves some objects applied, and applying the
 * document again completes it.
 */
@Component
public class ApplyingOnCallConfig {

    static final String RESPONDER = "responder";
    static final String TEAM = "team";
    static final String SCHEDULE = "schedule";
    static final String SERVICE = "service";

    private final OnCallDirectory directory;
    private final Schedules schedules;
    private final Validator validator;
    private final CoverageWarnings coverage;

    ApplyingOnCallConfig(OnCallDirectory directory, Schedules schedules, Validator validator,
                         CoverageWarnings coverage) {
        this.directory = directory;
        this.schedules = schedules;
        this.validator = validator;
        this.coverage = coverage;
    }

    /**
     * @param by who applies the document (a name): new overrides are credited to them
     * @throws InvalidRequestException listing every fault of the document
     */
    public List<Change> apply(OnCallConfigDocument document, boolean dryRun, boolean prune, String by) {
        List<FieldProblem> problems = OnCallConfigValidation.problems(document, validator, directory, prune);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Map<String, ResponderRequest> responders = canonical(document.responders(),
                (id, request) -> ResponderRequest.of(request.toResponder(id)));
        Map<String, TeamRequest> teams = canonical(document.teams(), (id, request) -> TeamRequest.of(request.toTeam(id)));
        Map<String, ScheduleRequest> wantedSchedules = canonical(document.schedules(),
                (id, request) -> ScheduleRequest.of(request.toSchedule(id)));
        Map<String, ServiceRequest> services = canonical(document.services(),
                (id, request) -> ServiceRequest.of(request.toService(id)));

        List<Change> changes = new ArrayList<>();
        changes.addAll(OnCallDiff.of(RESPONDER, stored(directory.allResponders(), Responder::id, ResponderRequest::of),
                responders, prune));
        changes.addAll(OnCallDiff.of(TEAM, stored(directory.allTeams(), Team::id, TeamRequest::of), teams, prune));
        changes.addAll(OnCallDiff.of(SCHEDULE, stored(schedules.all(), Schedule::id, ScheduleRequest::of),
                wantedSchedules, prune));
        changes.addAll(OnCallDiff.of(SERVICE, stored(directory.allServices(), TechnicalService::id, ServiceRequest::of),
                services, prune));
        if (!dryRun) {
            write(changes, responders, teams, wantedSchedules, services, by);
        }
        return changes;
    }

    /**
     * The coverage gaps of the model the document makes (whether or not it was written, so a dry run warns too): of
     * every service it holds, and of every stored service paging one of its schedules. With {@code prune} the
     * document is the whole model.
     */
    public List<GapResponse> coverageGaps(OnCallConfigDocument document, boolean prune) {
        Map<String, Schedule> documentSchedules = new LinkedHashMap<>();
        document.schedules().forEach((id, request) -> documentSchedules.put(id, request.toSchedule(id)));
        Map<String, TechnicalService> services = new LinkedHashMap<>();
        if (!prune) {
            directory.allServices().stream().filter(service -> service.policy().levels().stream()
                            .anyMatch(level -> level.scheduleIds().stream().anyMatch(documentSchedules::containsKey)))
                    .forEach(service -> services.put(service.id(), service));
        }
        document.services().forEach((id, request) -> services.put(id, request.toService(id)));
        return coverage.forServices(services.values(), id -> documentSchedules.containsKey(id)
                ? Optional.of(documentSchedules.get(id)) : prune ? Optional.empty() : schedules.find(id));
    }

    /** Creates and changes in reference order (responders first), then deletes in reverse (services first). */
    private void write(List<Change> changes, Map<String, ResponderRequest> responders, Map<String, TeamRequest> teams,
                       Map<String, ScheduleRequest> wantedSchedules, Map<String, ServiceRequest> services,
                       String by) {
        for (Change change : changes) {
            if (change.action() == Action.CREATED || change.action() == Action.CHANGED) {
                switch (change.kind()) {
                    case RESPONDER -> directory.saveResponder(responders.get(change.id()).toResponder(change.id()));
                    case TEAM -> directory.saveTeam(teams.get(change.id()).toTeam(change.id()));
                    case SCHEDULE -> schedules.save(wantedSchedules.get(change.id()).toSchedule(change.id()), by);
                    default -> directory.saveService(services.get(change.id()).toService(change.id()));
                }
            }
        }
        for (Change change : changes.reversed()) {
            if (change.action() == Action.DELETED) {
                switch (change.kind()) {
                    case RESPONDER -> directory.deleteResponder(change.id());
                    case TEAM -> directory.deleteTeam(change.id());
                    case SCHEDULE -> schedules.delete(change.id());
                    default -> directory.deleteService(change.id());
                }
            }
        }
    }

    private static <T, R> Map<String, R> canonical(Map<String, T> entries,
                                                   BiFunction<String, T, R> roundTrip) {
        Map<String, R> canonical = new LinkedHashMap<>();
        entries.forEach((id, entry) -> canonical.put(id, roundTrip.apply(id, entry)));
        return canonical;
    }

    private static <T, R> Map<String, R> stored(List<T> objects, Function<T, String> id, Function<T, R> asRequest) {
        Map<String, R> byId = new LinkedHashMap<>();
        objects.forEach(object -> byId.put(id.apply(object), asRequest.apply(object)));
        return byId;
    }
}
