package io.oncallhq.notification.slack;

import io.oncallhq.apisecurity.ServiceToken;
import io.oncallhq.notification.config.NotificationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/**
 * Reads incident-service's REST API for the slash command ({@code GET /incidents}, {@code /services},
 * {@code /responders}, {@code /teams}, {@code /schedules/{id}/oncall}, {@code /services/{id}/coverage}), the linked Slack users ({@code /responders})
 * and the owners of overdue action items ({@code /responders/{id}}), with a short timeout because Slack waits at most
 * three seconds for the answer. Any failure is {@link IncidentServiceUnavailableException}.
 */
@Component
class IncidentDirectory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** incident-service's largest page; incidents further back are not found by number. */
    private static final int LIMIT = 500;

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final ServiceToken token;

    IncidentDirectory(NotificationProperties properties, ServiceToken token) {
        this.token = token;
        String url = properties.incidentServiceUrl();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.timeout = properties.incidentServiceTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    record IncidentSummary(String id, long number, String serviceName, String title, String status) {

        boolean open() {
            return !"RESOLVED".equalsIgnoreCase(status);
        }
    }

    record Level(int level, List<String> responderIds, List<String> scheduleIds) {
    }

    record ServiceSummary(String id, String name, String teamId, List<Level> levels) {
    }

    record Responder(String id, String name, String slackUserId) {
    }

    /** @param members responder ids */
    record Team(String id, String name, List<String> members) {
    }

    List<IncidentSummary> incidents(String status) {
        return list("/incidents?limit=" + LIMIT + (status == null ? "" : "&status=" + status), node ->
                new IncidentSummary(node.path("id").asString(null), node.path("number").asLong(),
                        node.path("serviceName").asString(null), node.path("title").asString(null),
                        node.path("status").asString(null)));
    }

    Optional<IncidentSummary> incidentByNumber(long number) {
        return incidents(null).stream().filter(incident -> incident.number() == number).findFirst();
    }

    List<ServiceSummary> services() {
        return list("/services", node -> new ServiceSummary(node.path("id").asString(null),
                node.path("name").asString(null), node.path("teamId").asString(null),
                elements(node.path("escalationPolicy")).stream().map(level -> new Level(level.path("level").asInt(),
                        strings(level.path("responderIds")), strings(level.path("scheduleIds")))).toList()));
    }

    List<Responder> responders() {
        return list("/responders", node -> new Responder(node.path("id").asString(null),
                node.path("name").asString(null), node.path("slackUserId").asString(null)));
    }

    /** {@code GET /responders/{id}}; empty when incident-service does not know the responder. */
    Optional<Responder> responder(String id) {
        String path = "/responders/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        return send(path).map(node -> new Responder(node.path("id").asString(null), node.path("name").asString(null),
                node.path("slackUserId").asString(null)));
    }

    List<Team> teams() {
        return list("/teams", node -> new Team(node.path("id").asString(null), node.path("name").asString(null),
                strings(node.path("members"))));
    }

    /**
     * The service's coverage gaps in the next 4 weeks ({@code GET /services/{id}/coverage}), each as incident-service
     * words it ({@code Checkout API, level 1: nobody on call from Dec 8 02:00 to Dec 8 06:00 UTC (Payments primary)});
     * empty when it has none or the service is not known.
     */
    List<String> coverageGaps(String serviceId) {
        String path = "/services/" + URLEncoder.encode(serviceId, StandardCharsets.UTF_8) + "/coverage";
        return send(path).map(coverage -> elements(coverage.path("gaps")).stream()
                .map(gap -> gap.path("message").asString()).toList()).orElse(List.of());
    }

    /** Who a schedule has on call now ({@code GET /schedules/{id}/oncall}); empty when nobody or not known. */
    Optional<String> onCallNow(String scheduleId) {
        JsonNode onCall = get("/schedules/" + URLEncoder.encode(scheduleId, StandardCharsets.UTF_8) + "/oncall");
        return Optional.ofNullable(onCall.path("responderId").asString(null));
    }

    private <T> List<T> list(String path, Function<JsonNode, T> read) {
        return elements(get(path)).stream().map(read).toList();
    }

    private JsonNode get(String path) {
        return send(path).orElseThrow(() -> new IncidentServiceUnavailableException("GET " + path + " answered 404"));
    }

    /** The JSON answer, empty for a 404; any other failure is unavailability. */
    private Optional<JsonNode> send(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", "application/json").GET();
        token.authorization().ifPresent(bearer -> builder.header("Authorization", bearer));
        HttpRequest request = builder.build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new IncidentServiceUnavailableException("GET " + path + " answered HTTP " + response.statusCode());
            }
            return Optional.of(JSON.readTree(response.body()));
        } catch (IOException | JacksonException e) {
            throw new IncidentServiceUnavailableException("GET " + path + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IncidentServiceUnavailableException("GET " + path + " was interrupted");
        }
    }

    private static List<JsonNode> elements(JsonNode array) {
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false).toList() : List.of();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        elements(array).forEach(value -> values.add(value.asString()));
        return values;
    }

    static final class IncidentServiceUnavailableException extends RuntimeException {

        IncidentServiceUnavailableException(String reason) {
            super(reason);
        }
    }
}
