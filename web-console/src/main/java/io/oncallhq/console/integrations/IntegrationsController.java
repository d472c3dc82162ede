package io.oncallhq.console.integrations;

import io.oncallhq.console.config.ConsoleProperties;
import io.oncallhq.console.services.Service;
import io.oncallhq.console.services.ServiceApi;
import io.oncallhq.console.services.ServiceCalls;
import io.oncallhq.console.services.ServiceDownException;
import io.oncallhq.console.services.ServiceRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Integrations, for admins: list, create and rotate (the new key shown once, with the URLs to paste into the
 * monitoring system), revoke a key, change the grouping, see, start, pause and resume a heartbeat, delete. A new key is
 * rendered straight into the answer, never kept in the session.
 */
@Controller
@RequestMapping("/integrations")
class IntegrationsController {

    private final ServiceCalls services;
    private final ConsoleProperties properties;

    IntegrationsController(ServiceCalls services, ConsoleProperties properties) {
        this.services = services;
        this.properties = properties;
    }

    @GetMapping
    String list(Model model) {
        try {
            List<Integration> integrations = ingest().get(new ParameterizedTypeReference<List<Integration>>() {},
                    "/integrations");
            model.addAttribute("integrations", integrations);
            addHeartbeats(integrations, model);
        } catch (ServiceDownException down) {
            model.addAttribute("unavailable", down.getMessage());
        } catch (ServiceRefusedException refused) {
            model.addAttribute("unavailable", refused.detail());
        }
        return "integrations";
    }

    /**
     * Each heartbeat integration's state, or why it cannot be shown; neither for one not started yet (404). Once
     * alert-ingest stops answering, the rest are not asked, so the page does not wait a timeout for each.
     */
    private void addHeartbeats(List<Integration> integrations, Model model) {
        Map<String, Integration.Heartbeat> heartbeats = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        String down = null;
        for (Integration integration : integrations.stream().filter(Integration::heartbeat).toList()) {
            if (down != null) {
                problems.put(integration.id(), down);
                continue;
            }
            try {
                heartbeats.put(integration.id(), ingest().get(Integration.Heartbeat.class,
                        "/integrations/{id}/heartbeat/settings", integration.id()));
            } catch (ServiceRefusedException refused) {
                if (refused.status() != HttpStatus.NOT_FOUND.value()) {
                    problems.put(integration.id(), refused.detail());
                }
            } catch (ServiceDownException e) {
                down = e.getMessage();
                problems.put(integration.id(), down);
            }
        }
        model.addAttribute("heartbeats", heartbeats);
        model.addAttribute("heartbeatProblems", problems);
    }

    @PostMapping
    String create(@RequestParam String serviceId, @RequestParam String name, @RequestParam String type,
                  Model model, HttpServletResponse response) {
        try {
            JsonNode created = ingest().post("/integrations",
                    Map.of("serviceId", serviceId, "name", name, "type", type));
            return showNewKey(created.path("integration").path("id").asString(), created.path("key"), model, response);
        } catch (ServiceRefusedException refused) {
            model.addAttribute("failure", refused.detail());
        } catch (ServiceDownException down) {
            model.addAttribute("failure", down.getMessage());
        }
        return list(model);
    }

    /** Rotation: a new key beside the old ones, which keep working until revoked. */
    @PostMapping("/{id}/keys")
    String rotate(@PathVariable String id, Model model, HttpServletResponse response) {
        try {
            return showNewKey(id, ingest().post("/integrations/{id}/keys", null, id), model, response);
        } catch (ServiceRefusedException refused) {
            model.addAttribute("failure", refused.detail());
        } catch (ServiceDownException down) {
            model.addAttribute("failure", down.getMessage());
        }
        return list(model);
    }

    @PostMapping("/{id}/keys/{keyId}/revoke")
    String revoke(@PathVariable String id, @PathVariable String keyId, RedirectAttributes flash) {
        return change(flash, () -> {
            ingest().delete("/integrations/{id}/keys/{keyId}", id, keyId);
            return "Key " + keyId + " revoked: it stops working within a second.";
        });
    }

    @PostMapping("/{id}/grouping")
    String grouping(@PathVariable String id, @RequestParam String grouping, RedirectAttributes flash) {
        return change(flash, () -> {
            JsonNode changed = ingest().patch("/integrations/{id}", null, Map.of("grouping", grouping), id);
            return changed.path("name").asString() + " now makes one incident per "
                    + changed.path("grouping").asString() + " for the alerts it receives from now on.";
        });
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, @RequestParam String name, RedirectAttributes flash) {
        return change(flash, () -> {
            ingest().delete("/integrations/{id}", id);
            return name + " deleted: its keys stop working within a second.";
        });
    }

    @PostMapping("/{id}/heartbeat")
    String heartbeat(@PathVariable String id, @RequestParam long intervalSeconds,
                     @RequestParam(defaultValue = "0") long graceSeconds, RedirectAttributes flash) {
        return heartbeatChange(flash, api -> api.put("/integrations/{id}/heartbeat/settings",
                Map.of("intervalSeconds", intervalSeconds, "graceSeconds", graceSeconds), id));
    }

    @PostMapping("/{id}/heartbeat/{action:pause|resume}")
    String pauseOrResume(@PathVariable String id, @PathVariable String action, RedirectAttributes flash) {
        return heartbeatChange(flash, api -> api.post("/integrations/{id}/heartbeat/" + action, null, id));
    }

    private String heartbeatChange(RedirectAttributes flash, Function<ServiceApi, JsonNode> call) {
        return change(flash, () -> "Heartbeat saved: " + call.apply(ingest()).path("state").asString() + ".");
    }

    private String change(RedirectAttributes flash, Supplier<String> call) {
        try {
            flash.addFlashAttribute("done", call.get());
        } catch (ServiceRefusedException refused) {
            flash.addFlashAttribute("failure", refused.detail());
        } catch (ServiceDownException down) {
            flash.addFlashAttribute("failure", down.getMessage());
        }
        return "redirect:/integrations";
    }

    private String showNewKey(String integrationId, JsonNode key, Model model, HttpServletResponse response) {
        // The secret is in this page only: no browser or proxy may keep a copy.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String secret = key.path("secret").asString();
        String base = properties.alertIngestPublicUrl() + "/integrations/" + secret;
        model.addAttribute("newKey", new Integration.NewKey(key.path("id").asString(), secret, null));
        model.addAttribute("newKeyIntegration", integrationId);
        model.addAttribute("pasteUrls", Map.of("Alertmanager (webhook_configs url)", base + "/alertmanager",
                "Grafana (webhook contact point)", base + "/grafana",
                "Generic JSON webhook", base + "/generic",
                "PagerDuty Events API v2 tools (routing key)", secret));
        return list(model);
    }

    private ServiceApi ingest() {
        return services.to(Service.ALERT_INGEST);
    }
}
