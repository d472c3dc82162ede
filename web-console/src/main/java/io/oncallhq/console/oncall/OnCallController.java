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

/**
 * Who is on call now for each service and level, when each service's policy would page nobody in the next two weeks
 * (incident-service's coverage), and each schedule's next two weeks with its gaps.
 */
@Controller
class OnCallController {

    static final Duration AHEAD = Duration.ofDays(14);
    private static final ParameterizedTypeReference<List<OnCall.Shift>> SHIFTS = new ParameterizedTypeReference<>() {
    };

    private static final ParameterizedTypeReference<OnCall.Coverage> COVERAGE = new ParameterizedTypeReference<>() {
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
            List<OnCall.TechnicalService> technicalServices = incidents.get(
                    new ParameterizedTypeReference<List<OnCall.TechnicalService>>() {}, "/services");
            model.addAttribute("services", technicalServices.stream()
                    .map(service -> OnCall.ServiceNow.of(service, schedules)).toList());
            coverage(incidents, technicalServices, now, until, model);
        } catch (ServiceDownException down) {
            model.addAttribute("unavailable", down.getMessage());
        } catch (ServiceRefusedException refused) {
            model.addAttribute("unavailable", refused.detail());
        }
        return "oncall";
    }

    /** Its own part of the page: the rest still shows when coverage cannot be asked for. */
    private static void coverage(ServiceApi incidents, List<OnCall.TechnicalService> technicalServices,
                                 Instant from, Instant to, Model model) {
        try {
            model.addAttribute("coverage", technicalServices.stream()
                    .map(service -> new OnCall.ServiceCoverage(service, incidents.get(COVERAGE,
                            "/services/{id}/coverage", Map.of("from", from.toString(), "to", to.toString()),
                            service.id()).gaps()))
                    .toList());
        } catch (ServiceDownException down) {
            model.addAttribute("coverageUnavailable", down.getMessage());
        } catch (ServiceRefusedException refused) {
            model.addAttribute("coverageUnavailable", "Coverage could not be read: " + refused.detail());
        }
    }

    /** The feed calendar apps subscribe to; the token is the person's to add (a dedicated viewer token, SECURITY.md). */
    private String icalUrl(String scheduleId) {
        return properties.incidentServicePublicUrl() + "/schedules/" + scheduleId + "/ical?access_token=";
    }
}
