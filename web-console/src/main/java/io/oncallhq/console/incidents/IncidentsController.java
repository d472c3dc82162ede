package io.oncallhq.console.incidents;

import io.oncallhq.console.services.Service;
import io.oncallhq.console.services.ServiceApi;
import io.oncallhq.console.services.ServiceCalls;
import io.oncallhq.console.services.ServiceDownException;
import io.oncallhq.console.services.ServiceRefusedException;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** The incidents list (its rows refreshed in place) and an incident's page with the actions the role allows. */
@Controller
@RequestMapping("/incidents")
class IncidentsController {

    private static final ParameterizedTypeReference<List<IncidentSummary>> SUMMARIES = new ParameterizedTypeReference<>() {
    };
    private static final Map<String, String> DONE = Map.of("acknowledge", "Acknowledged.", "resolve", "Resolved.",
            "escalate", "Escalated: the next level is paged.", "reopen", "Reopened: level 1 is paged again.");
    private static final Comparator<IncidentSummary> OPEN_FIRST =
            Comparator.comparing((IncidentSummary incident) -> !incident.open());

    private final ServiceCalls services;
    private final Clock clock;

    IncidentsController(ServiceCalls services) {
        this.services = services;
        this.clock = Clock.systemUTC();
    }

    @GetMapping
    String list(IncidentFilter filter, Model model) {
        rows(filter, model);
        return "incidents/list";
    }

    /** Only the rows: what the list page asks for every few seconds. */
    @GetMapping("/rows")
    String rows(IncidentFilter filter, Model model) {
        model.addAttribute("filter", filter);
        try {
            model.addAttribute("incidents", listed(filter));
        } catch (ServiceDownException down) {
            model.addAttribute("unavailable", down.getMessage());
        } catch (ServiceRefusedException refused) {
            model.addAttribute("unavailable", refused.detail());
        }
        return "incidents/list :: rows";
    }

    /**
     * incident-service answers newest first; open ones go before resolved ones, keeping that order. Without a status
     * filter every open incident is asked for on its own too: after a storm of newer incidents an older one still
     * being worked on would otherwise fall off the newest page.
     */
    private List<IncidentSummary> listed(IncidentFilter filter) {
        Map<String, String> query = filter.query(clock.instant());
        List<IncidentSummary> newest = incidents().get(SUMMARIES, "/incidents", query);
        if (filter.status() != null && !filter.status().isBlank()) {
            return newest.stream().sorted(OPEN_FIRST).toList();
        }
        Map<String, String> openOnly = new LinkedHashMap<>(query);
        openOnly.put("status", IncidentFilter.OPEN);
        return Stream.concat(incidents().get(SUMMARIES, "/incidents", openOnly).stream(),
                newest.stream().filter(incident -> !incident.open())).toList();
    }

    @GetMapping("/{id}")
    String incident(@PathVariable String id, Model model) {
        try {
            model.addAttribute("incident", incidents().get(IncidentDetail.class, "/incidents/{id}", id));
        } catch (ServiceDownException down) {
            model.addAttribute("unavailable", down.getMessage());
        } catch (ServiceRefusedException refused) {
            model.addAttribute("unavailable", refused.status() == 404 ? "There is no such incident." : refused.detail());
        }
        return "incidents/incident";
    }

    /** incident-service's {@code notice} when the action changed nothing ("already acknowledged by ..."). */
    @PostMapping("/{id}/{action:acknowledge|resolve|escalate|reopen}")
    String act(@PathVariable String id, @PathVariable String action, RedirectAttributes flash) {
        return change(id, flash, api -> {
            String notice = api.post("/incidents/{id}/{action}", null, id, action).path("notice").asString("");
            return notice.isBlank() ? DONE.get(action) : notice;
        });
    }

    @PostMapping("/{id}/notes")
    String note(@PathVariable String id, @RequestParam String text, RedirectAttributes flash) {
        return change(id, flash, api -> {
            api.post("/incidents/{id}/notes", Map.of("text", text), id);
            return "Note added.";
        });
    }

    @PostMapping("/{id}/severity")
    String severity(@PathVariable String id, @RequestParam String severity, RedirectAttributes flash) {
        return change(id, flash, api -> {
            api.post("/incidents/{id}/severity", Map.of("severity", severity), id);
            return "Severity changed.";
        });
    }

    @PostMapping("/{id}/priority")
    String priority(@PathVariable String id, @RequestParam(required = false) String priority, RedirectAttributes flash) {
        Map<String, Object> body = new HashMap<>();
        body.put("priority", priority == null || priority.isBlank() ? null : priority);
        return change(id, flash, api -> {
            api.post("/incidents/{id}/priority", body, id);
            return "Priority changed.";
        });
    }

    @PostMapping("/{id}/reassign")
    String reassign(@PathVariable String id, @RequestParam String responderId, RedirectAttributes flash) {
        return change(id, flash, api -> {
            api.post("/incidents/{id}/reassign", Map.of("responderId", responderId), id);
            return "Reassigned: " + responderId + " is paged.";
        });
    }

    /** Calls the service, then shows the incident again with what happened (or why it did not). */
    private String change(String id, RedirectAttributes flash, Function<ServiceApi, String> call) {
        try {
            flash.addFlashAttribute("done", call.apply(incidents()));
        } catch (ServiceDownException down) {
            flash.addFlashAttribute("failure", down.getMessage());
        } catch (ServiceRefusedException refused) {
            flash.addFlashAttribute("failure", refused.detail());
        }
        return "redirect:/incidents/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private ServiceApi incidents() {
        return services.to(Service.INCIDENTS);
    }
}
