package io.oncallhq.incident.metrics;

import io.oncallhq.incident.lifecycle.Incident;
import io.oncallhq.incident.lifecycle.IncidentFilter;
import io.oncallhq.incident.lifecycle.Incidents;
import io.oncallhq.incident.lifecycle.PageLog;
import io.oncallhq.incident.directory.OnCallDirectory;
import io.oncallhq.incident.directory.Responder;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Loads the incidents triggered in a range (of one service or team, or all) and measures them. */
@Service
class MeasuringResponse {

    private final Incidents incidents;
    private final OnCallDirectory directory;

    MeasuringResponse(Incidents incidents, OnCallDirectory directory) {
        this.incidents = incidents;
        this.directory = directory;
    }

    ResponseReport report(Instant from, Instant to, String serviceId, String teamId) {
        List<Incident> triggered = incidents.all(new IncidentFilter(null, serviceId, teamId, null, from, to));
        List<String> paged = triggered.stream().flatMap(incident -> incident.pages().stream())
                .map(PageLog::responderId).filter(Objects::nonNull).distinct().toList();
        Map<String, Responder> responders = directory.responders(paged).stream()
                .collect(Collectors.toMap(Responder::id, Function.identity()));
        return ResponseReport.of(from, to, triggered, responders);
    }
}
