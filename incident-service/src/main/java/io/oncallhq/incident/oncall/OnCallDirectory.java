package io.oncallhq.incident.oncall;

import io.oncallhq.incident.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read access to the on-call model for the rest of the service: which service, which responders. */
@Component
public class OnCallDirectory {

    private static final Logger log = LoggerFactory.getLogger(OnCallDirectory.class);

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

    /**
     * The responders of one escalation level at {@code now}: its named responders, then whoever is on call in each
     * of its schedules, each once, in the policy's order; empty when the policy has no such level.
     */
    public Optional<List<Responder>> respondersAt(TechnicalService service, int level, Instant now) {
        return service.policy().level(level).map(found -> {
            Set<String> ids = new LinkedHashSet<>(found.responderIds());
            for (String scheduleId : found.scheduleIds()) {
                Optional<String> onCall = schedules.find(scheduleId).flatMap(schedule -> schedule.onCallAt(now));
                if (onCall.isEmpty()) {
                    log.warn("Service {} level {}: schedule {} is unknown or has nobody on call at {}", service.id(),
                            level, scheduleId, now);
                }
                onCall.ifPresent(ids::add);
            }
            Map<String, Responder> byId = responders.findAllById(ids).stream()
                    .collect(Collectors.toMap(Responder::id, Function.identity()));
            List<String> missing = ids.stream().filter(id -> !byId.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                log.warn("Service {} level {} names unknown responders {}", service.id(), level, missing);
            }
            return ids.stream().filter(byId::containsKey).map(byId::get).toList();
        });
    }

    public Optional<Responder> responderWithSlackId(String slackUserId) {
        return responders.findFirstBySlackUserId(slackUserId);
    }

    public boolean hasResponder(String responderId) {
        return responders.existsById(responderId);
    }

    void saveService(TechnicalService service) {
        services.save(service);
    }

    List<TechnicalService> allServices() {
        return services.findAll();
    }

    List<Team> allTeams() {
        return teams.findAll();
    }

    List<Responder> allResponders() {
        return responders.findAll();
    }
}
