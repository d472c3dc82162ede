package io.oncallhq.incident;

import io.oncallhq.apisecurity.OpenApiWalk;
import io.oncallhq.apisecurity.Role;
import io.oncallhq.apisecurity.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the service's own OpenAPI document, with no token and a token of each role; and the one place
 * that also takes a token in the query, the schedule feed.
 */
class AccessIT extends RunningIncidentService {

    /** On-call configuration and silences; every other write acts on an incident. */
    private static final Set<String> ADMIN_PREFIXES =
            Set.of("/teams", "/services", "/responders", "/schedules", "/oncall-config", "/silences");

    @LocalServerPort
    int port;

    private static Optional<Role> required(OpenApiWalk.Operation operation) {
        if (operation.method().equals("GET")) {
            return Optional.of(Role.VIEWER);
        }
        boolean configuration = ADMIN_PREFIXES.stream().anyMatch(prefix -> operation.path().startsWith(prefix));
        return Optional.of(configuration ? Role.ADMIN : Role.RESPONDER);
    }

    /** One responder on one weekly rotation: a feed with something in it. */
    private static final String FEED_SCHEDULE = """
            responders:
              feed-alex: { name: Alex Rivera, email: alex@example.com, timeZone: Europe/Berlin }
            schedules:
              feed-primary:
                name: Feed primary
                timeZone: Europe/Berlin
                layers:
                  - { participants: [feed-alex], shiftLength: 1, unit: WEEKS, handoffTime: "09:00", startDate: 2026-01-05 }
            """;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
    }

    @Test
    void aCalendarAppSubscribesToAScheduleFeedWithTheViewerTokenInItsUrl() throws Exception {
        HttpResponse<String> applied = send(request("/oncall-config").header("Authorization", "Bearer " + TestTokens.ADMIN)
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(FEED_SCHEDULE)));
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);

        HttpResponse<String> feed = send(request("/schedules/feed-primary/ical?access_token=" + TestTokens.VIEWER));
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/calendar"));
        assertThat(feed.body()).contains("BEGIN:VCALENDAR");

        assertThat(send(request("/schedules/feed-primary/ical")).statusCode()).isEqualTo(401);
        assertThat(send(request("/schedules/feed-primary?access_token=" + TestTokens.VIEWER)).statusCode())
                .as("only the feed takes a token in the query").isEqualTo(401);
    }

    @Test
    void viewersReadRespondersActOnIncidentsAndOnlyAdminsChangeOnCallConfigurationAndSilences() throws Exception {
        OpenApiWalk walk = new OpenApiWalk(URI.create("http://localhost:" + port));
        var operations = walk.operations();

        assertThat(operations).extracting(Object::toString).contains("POST /incidents/{id}/acknowledge",
                "PUT /schedules/{id}", "POST /oncall-config", "DELETE /silences/{id}", "GET /metrics/response");
        walk.check(operations, AccessIT::required, TestTokens.byRole());
    }
}
