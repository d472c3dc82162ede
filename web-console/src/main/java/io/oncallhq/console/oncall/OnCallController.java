package io.oncallhq.console.oncall;

import io.oncallhq.console.config.ConsoleProperties;
import io.oncallhq.console.services.Service;
import io.oncallhq.console.services.ServiceApi;
import io.oncallhq.console.services.ServiceCalls;
import io.oncallhq.console.services.ServiceDownException;
import io.oncallhq.console.services.ServiceRefusedException;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Who is on call now for each service and level, and each schedule's next two weeks with its gaps. */
@Controller
class OnCallController {

    static final Duration AHEAD = Duration.ofDays(14);
    private static final ParameterizedTypeReference<List<OnCall.Shift>> SHIFTS = new ParameterizedTypeReference<>() {
    };

    private final ServiceCalls services;
    private final ConsoleProperties properties;
    private final Clock clock = Clock.systemUTC();

    OnCallController(ServiceCalls services, ConsoleProperties properties) {
        this.services = services;
        this.properties = properties;
    }

    @GetMapping("/oncall")
    String onCall(Model model) {
        ServiceApi incidents = services.to(Service.INCIDENTS);
        Instant now = clock.instant();
        Instant until = now.plus(AHEAD);
        try {
            List<OnCall.ScheduleWeeks> schedules = incidents.get(
                            new ParameterizedTypeReference<List<OnCall.Schedule>>() {}, "/schedules").stream()
                    .map(schedule -> OnCall.ScheduleWeeks.of(schedule,
                            incidents.get(SHIFTS, "/schedules/{id}/shifts",
                                    Map.of("from", now.toString(), "to", until.toString()), schedule.id()),
                            now, until, icalUrl(schedule.id())))
                    .toList();
            model.addAttribute("schedules", schedules);
            model.addAttribute("services", incidents.get(
                            new ParameterizedTypeReference<List<OnCall.TechnicalService>>() {}, "/services").stream()
                    .map(service -> OnCall.ServiceNow.of(service, schedules)).toList());
        } catch (ServiceDownException down) {
            model.addAttribute("unavailable", down.getMessage());
        } catch (ServiceRefusedException refused) {
            model.addAttribute("unavailable", refused.detail());
        }
        return "oncall";
    }

    /** The feed calendar apps subscribe to; the token is the person's to add (a dedicated viewer token, SECURITY.md). */
    private String icalUrl(String scheduleId) {
        return properties.incidentServicePublicUrl() + "/schedules/" + scheduleId + "/ical?access_token=";
    }
}
