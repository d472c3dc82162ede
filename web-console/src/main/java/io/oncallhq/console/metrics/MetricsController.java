package io.oncallhq.console.metrics;

import io.oncallhq.console.services.Service;
import io.oncallhq.console.services.ServiceCalls;
import io.oncallhq.console.services.ServiceDownException;
import io.oncallhq.console.services.ServiceRefusedException;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Time to acknowledge and to resolve per service and team, and pages per responder, over the chosen range. */
@Controller
class MetricsController {

    private final ServiceCalls services;
    private final Clock clock = Clock.systemUTC();

    MetricsController(ServiceCalls services) {
        this.services = services;
    }

    /** @param days how far back from now (7, 30, 90 or 365); incident-service allows at most 366 */
    @GetMapping("/metrics")
    String metrics(@RequestParam(defaultValue = "30") int days, @RequestParam(required = false) String serviceId,
                   @RequestParam(required = false) String teamId, Model model) {
        int range = Math.clamp(days, 1, 365);
        Instant now = clock.instant();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("from", now.minus(Duration.ofDays(range)).toString());
        query.put("to", now.toString());
        query.put("serviceId", serviceId);
        query.put("teamId", teamId);
        model.addAttribute("days", range);
        model.addAttribute("serviceId", serviceId);
        model.addAttribute("teamId", teamId);
        try {
            model.addAttribute("report", services.to(Service.INCIDENTS).get(
                    new ParameterizedTypeReference<ResponseReport>() {}, "/metrics/response", query));
        } catch (ServiceDownException down) {
            model.addAttribute("unavailable", down.getMessage());
        } catch (ServiceRefusedException refused) {
            model.addAttribute("unavailable", refused.detail());
        }
        return "metrics";
    }
}
