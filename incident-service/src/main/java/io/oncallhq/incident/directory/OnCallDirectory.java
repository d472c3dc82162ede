package io.oncallhq.incident.directory;

import io.oncallhq.incident.schedule.Schedule;
import io.oncallhq.incident.schedule.Schedules;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The on-call model for the rest of the service: which service, which responders, which team; and its writes,
 * which refuse to delete what is still referenced.
 */
@Component
public class OnCallDirectory implements KnownIds {

    private final Teams teams;
    private final Responders responders;
    private final TechnicalServices services;
    private final Schedules schedules;

    OnCallDirectory(Teams teams, Responders responders, TechnicalServices services, Schedules schedules) {
        this.teams = teams;
        this.responders = responders;
        this.services = services;
        this.schedules = schedules;
    }

    public TechnicalService service(String serviceId) {
        return services.findById(serviceId).orElseThrow(() -> new ServiceNotFoundException(serviceId));
    }

    /** Whom one escalation level pages at {@code now}, or why nobody; empty when the policy has no such level. */
    public Optional<LevelOnCall> respondersAt(TechnicalService service, int level, Instant now) {
        return service.policy().level(level).map(found -> {
            Map<String, Schedule> byScheduleId = new HashMap<>();
            found.scheduleIds().forEach(id -> schedules.find(id).ifPresent(schedule -> byScheduleId.put(id, schedule)));
            Map<String, Responder> byId = responders.findAllById(LevelOnCall.responderIds(found, byScheduleId, now))
                    .stream().collect(Collectors.toMap(Responder::id, Function.identity()));
            return LevelOnCall.of(found, byScheduleId, byId, now);
        });
    }

    public Optional<Responder> responderWithSlackId(String slackUserId) {
        return responders.findFirstBySlackUserId(slackUserId);
    }

    public Optional<Responder> findResponder(String responderId) {
        return responders.findById(responderId);
    }

    public List<Responder> responders(Collection<String> responderIds) {
        return responders.findAllById(responderIds);
    }

    public Optional<Team> findTeam(String teamId) {
        return teams.findById(teamId);
    }

    public Responder responder(String responderId) {
        return findResponder(responderId).orElseThrow(() -> new OnCallNotFoundException("responder", responderId));
    }

    public Team team(String teamId) {
        return findTeam(teamId).orElseThrow(() -> new OnCallNotFoundException("team", teamId));
    }

    @Override
    public boolean hasResponder(String responderId) {
        return responders.existsById(responderId);
    }

    @Override
    public boolean hasTeam(String teamId) {
        return teams.existsById(teamId);
    }

    @Override
    public boolean hasSchedule(String scheduleId) {
        return schedules.find(scheduleId).isPresent();
    }

    public List<TechnicalService> allServices() {
        return services.findAll();
    }

    public List<Team> allTeams() {
        return teams.findAll();
    }

    public List<Responder> allResponders() {
        return responders.findAll();
    }

    public void saveService(TechnicalService service) {
        services.save(service);
    }

    public void saveTeam(Team team) {
        teams.save(team);
    }

    public void saveResponder(Responder responder) {
        responders.save(responder);
    }

    /** Only configuration as code deletes services (with {@code prune=true}). */
    public void deleteService(String serviceId) {
        services.deleteById(serviceId);
    }

    /** @throws StillReferencedException while a service belongs to the team */
    public void deleteTeam(String teamId) {
        team(teamId);
        List<String> owned = services.findAll().stream().filter(service -> teamId.equals(service.teamId()))
                .map(service -> "services/" + service.id()).toList();
        if (!owned.isEmpty()) {
            throw new StillReferencedException("team", teamId, owned);
        }
        teams.deleteById(teamId);
    }

    /** @throws StillReferencedException while a schedule, an escalation policy or a team names the responder */
    public void deleteResponder(String responderId) {
        responder(responderId);
        List<String> references = new ArrayList<>();
        schedules.all().stream().filter(schedule -> names(schedule, responderId))
                .forEach(schedule -> references.add("schedules/" + schedule.id()));
        services.findAll().stream().filter(service -> service.policy().levels().stream()
                        .anyMatch(level -> level.responderIds().contains(responderId)))
                .forEach(service -> references.add("services/" + service.id()));
        teams.findAll().stream().filter(team -> team.members().contains(responderId))
                .forEach(team -> references.add("teams/" + team.id()));
        if (!references.isEmpty()) {
            throw new StillReferencedException("responder", responderId, references);
        }
        responders.deleteById(responderId);
    }

    private static boolean names(Schedule schedule, String responderId) {
        return schedule.layers().stream().anyMatch(layer -> layer.participants().contains(responderId))
                || schedule.overrides().stream().anyMatch(override -> responderId.equals(override.responderId()));
    }
}
