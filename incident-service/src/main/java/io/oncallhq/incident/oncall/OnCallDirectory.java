package io.oncallhq.incident.oncall;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read access to the on-call model for the rest of the service: which service, which responders. */
@Component
public class OnCallDirectory {

    private static final Logger log = LoggerFactory.getLogger(OnCallDirectory.class);

    private final Teams teams;
    private final Responders responders;
    private final TechnicalServices services;

    OnCallDirectory(Teams teams, Responders responders, TechnicalServices services) {
        this.teams = teams;
        this.responders = responders;
        this.services = services;
    }

    public TechnicalService service(String serviceId) {
        return services.findById(serviceId).orElseThrow(() -> new ServiceNotFoundException(serviceId));
    }

    /** The responders of one escalation level, in the policy's order; empty when the policy has no such level. */
    public Optional<List<Responder>> respondersAt(TechnicalService service, int level) {
        return service.policy().level(level).map(found -> {
            Map<String, Responder> byId = responders.findAllById(found.responderIds()).stream()
                    .collect(Collectors.toMap(Responder::id, Function.identity()));
            List<String> missing = found.responderIds().stream().filter(id -> !byId.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                log.warn("Service {} level {} names unknown responders {}", service.id(), level, missing);
            }
            return found.responderIds().stream().filter(byId::containsKey).map(byId::get).toList();
        });
    }

    public Optional<Responder> responderWithSlackId(String slackUserId) {
        return responders.findFirstBySlackUserId(slackUserId);
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
