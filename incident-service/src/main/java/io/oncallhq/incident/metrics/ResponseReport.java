package io.oncallhq.incident.metrics;

import io.oncallhq.incident.lifecycle.Incident;
import io.oncallhq.incident.lifecycle.PageLog;
import io.oncallhq.incident.directory.Responder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How fast incidents triggered in a time range were acknowledged (MTTA) and resolved (MTTR), per service and per
 * team, and how many pages each responder got, how many of them outside the responder's working hours.
 */
public record ResponseReport(Instant from, Instant to, List<Group> services, List<Group> teams,
                             List<ResponderPages> responders) {

    /** @param id a service or team id */
    public record Group(String id, int incidents, Percentiles timeToAcknowledge, Percentiles timeToResolve) {
    }

    /**
     * @param outsideWorkingHours pages requested outside the responder's declared working hours (a responder
     *                            without declared working hours has none)
     */
    public record ResponderPages(String responderId, String name, int pages, int outsideWorkingHours) {
    }

    /**
     * @param incidents  the incidents triggered in {@code [from, to)}
     * @param responders the paged responders by id (for their working hours); an unknown one counts no page as
     *                   outside working hours
     */
    static ResponseReport of(Instant from, Instant to, List<Incident> incidents, Map<String, Responder> responders) {
        return new ResponseReport(from, to, groups(incidents, incident -> incident.service().id()),
                groups(incidents, incident -> incident.service().teamId()), pages(incidents, responders));
    }

    private static List<Group> groups(List<Incident> incidents, Function<Incident, String> key) {
        Map<String, List<Incident>> grouped = incidents.stream().filter(incident -> key.apply(incident) != null)
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        return grouped.entrySet().stream().map(entry -> new Group(entry.getKey(), entry.getValue().size(),
                Percentiles.of(since(entry.getValue(), Incident::acknowledgedAt)),
                Percentiles.of(since(entry.getValue(), Incident::resolvedAt)))).toList();
    }

    private static List<Duration> since(List<Incident> incidents, Function<Incident, Instant> end) {
        return incidents.stream().filter(incident -> end.apply(incident) != null)
                .map(incident -> Duration.between(incident.triggeredAt(), end.apply(incident))).toList();
    }

    private static List<ResponderPages> pages(List<Incident> incidents, Map<String, Responder> responders) {
        Map<String, List<PageLog>> byResponder = incidents.stream().flatMap(incident -> incident.pages().stream())
                .filter(page -> page.responderId() != null)
                .collect(Collectors.groupingBy(PageLog::responderId, TreeMap::new, Collectors.toList()));
        List<ResponderPages> result = new ArrayList<>();
        byResponder.forEach((responderId, pages) -> {
            Responder responder = responders.get(responderId);
            long outside = responder == null ? 0 : pages.stream()
                    .filter(page -> !responder.isWithinWorkingHours(page.requestedAt())).count();
            String name = responder != null ? responder.name()
                    : pages.stream().map(PageLog::responderName).filter(Objects::nonNull).findFirst().orElse(responderId);
            result.add(new ResponderPages(responderId, name, pages.size(), (int) outside));
        });
        return result;
    }
}
