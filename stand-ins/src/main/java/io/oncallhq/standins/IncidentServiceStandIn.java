package io.oncallhq.standins;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * incident-service's read API on a local port, for the tests of the services that ask it (alert-ingest, notification,
 * postmortem). To a caller with the service token it answers what the test says incident-service holds, 404 for
 * anything else, and {@code []} for {@code GET /incidents}; without the token, 401. Its teams {@link #FAILING} and
 * {@link #SILENT} cannot be asked about. {@link #reset()} forgets what the tests said.
 */
public final class IncidentServiceStandIn implements AutoCloseable {

    /** A team whose lookup fails: incident-service is up but broken. */
    public static final String FAILING = "failing-team";
    /** A team whose lookup answers only after {@link #TOO_LATE}. */
    public static final String SILENT = "silent-team";

    /** Longer than any service waits for incident-service (the slowest, the Slack commands, wait 1.5 s). */
    private static final Duration TOO_LATE = Duration.ofSeconds(5);
    // Trouble a test asks for comes first, whoever calls; then what incident-service holds, then the catch-alls.
    private static final int TROUBLE = 1;
    private static final int NO_INCIDENTS = 8;
    private static final int NOT_FOUND = 9;
    private static final int UNAUTHORIZED = 10;

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    private final String bearer;

    /** Started, answering only callers that send {@code serviceToken} as their bearer token. */
    public IncidentServiceStandIn(String serviceToken) {
        this.bearer = "Bearer " + serviceToken;
        server.start();
        reset();
        answerOnce();
    }

    /** The base URL, as the calling service's incident-service URL. */
    public String url() {
        return server.baseUrl();
    }

    /** {@code GET /services/{serviceId}} finds the service. */
    public IncidentServiceStandIn hasService(String serviceId) {
        return answers("/services/" + serviceId, "{\"id\":\"" + serviceId + "\",\"name\":\"" + serviceId + "\"}");
    }

    /** {@code GET /teams/{teamId}} finds the team with these members (responder ids). */
    public IncidentServiceStandIn team(String teamId, String... memberIds) {
        String members = Arrays.stream(memberIds).map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return answers("/teams/" + teamId,
                "{\"id\":\"" + teamId + "\",\"name\":\"" + teamId + "\",\"members\":[" + members + "]}");
    }

    /** {@code GET} of exactly this path and query (e.g. {@code /incidents?limit=500}) answers the JSON. */
    public IncidentServiceStandIn answers(String pathAndQuery, String json) {
        server.stubFor(get(urlEqualTo(pathAndQuery)).withHeader("Authorization", equalTo(bearer))
                .willReturn(okJson(json)));
        return this;
    }

    /** The path answers 503: incident-service is up but failing. */
    public IncidentServiceStandIn failsOn(String pathAndQuery) {
        server.stubFor(get(urlEqualTo(pathAndQuery)).atPriority(TROUBLE).willReturn(serviceUnavailable()));
        return this;
    }

    /** Asking for the path drops the connection: incident-service cannot be reached. */
    public IncidentServiceStandIn unreachableOn(String pathAndQuery) {
        server.stubFor(get(urlEqualTo(pathAndQuery)).atPriority(TROUBLE)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        return this;
    }

    /** The path answers {@code []} only after {@link #TOO_LATE}: the caller gives up first. */
    public IncidentServiceStandIn tooSlowOn(String pathAndQuery) {
        server.stubFor(get(urlEqualTo(pathAndQuery)).atPriority(TROUBLE)
                .willReturn(okJson("[]").withFixedDelay((int) TOO_LATE.toMillis())));
        return this;
    }

    /** Back to holding nothing but {@link #FAILING} and {@link #SILENT}. */
    public void reset() {
        server.resetAll();
        failsOn("/teams/" + FAILING);
        tooSlowOn("/teams/" + SILENT);
        server.stubFor(get(urlPathEqualTo("/incidents")).atPriority(NO_INCIDENTS)
                .withHeader("Authorization", equalTo(bearer)).willReturn(okJson("[]")));
        server.stubFor(any(anyUrl()).atPriority(NOT_FOUND).withHeader("Authorization", equalTo(bearer))
                .willReturn(notFound()));
        server.stubFor(any(anyUrl()).atPriority(UNAUTHORIZED).willReturn(unauthorized()));
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * A fresh WireMock takes a second or more over its first answer on a loaded machine, longer than a service's
     * lookup may wait (postmortem's: 1 s); so that no test's first call meets it, the stand-in answers once at start.
     */
    private void answerOnce() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            http.send(HttpRequest.newBuilder(URI.create(url() + "/incidents")).header("Authorization", bearer).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
