package io.oncallhq.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import io.oncallhq.apisecurity.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A WireMock stand-in for incident-service's read API, answering what each test tells it to when asked with the service
 * token, and forgetting it after each test ({@link #reset()}). {@code GET /responders} answers 404 unless a test says
 * otherwise: the service then links the Slack users it paged before, as when incident-service cannot be reached.
 */
final class IncidentServiceStandIn {

    private static final StringValuePattern SERVICE_TOKEN = equalTo("Bearer " + TestTokens.SERVICE);

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    IncidentServiceStandIn() {
        server.start();
        reset();
    }

    /** Back to answering {@code []} for {@code /incidents} and 404 for everything else. */
    void reset() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/incidents")).willReturn(okJson("[]")));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** {@code GET /incidents} with the query (e.g. {@code ?limit=500&status=triggered}) answers this array. */
    void incidents(String query, String jsonArray) {
        server.stubFor(get(urlEqualTo("/incidents" + query)).atPriority(1).withHeader("Authorization", SERVICE_TOKEN)
                .willReturn(okJson(jsonArray)));
    }

    void answers(String path, String json) {
        server.stubFor(get(urlEqualTo(path)).withHeader("Authorization", SERVICE_TOKEN).willReturn(okJson(json)));
    }

    /** incident-service is up but failing: {@code GET /responders} answers 503. */
    void respondersDown() {
        server.stubFor(get(urlEqualTo("/responders")).atPriority(1).willReturn(serviceUnavailable()));
    }

    /** The path answers only after {@code delayMillis}: incident-service is too slow for Slack's three seconds. */
    void slow(String path, int delayMillis) {
        server.stubFor(get(urlEqualTo(path)).atPriority(1).willReturn(okJson("[]").withFixedDelay(delayMillis)));
    }
}
