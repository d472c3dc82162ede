package io.oncallhq.notification;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A WireMock stand-in for incident-service's read API, answering what each test tells it to. */
final class IncidentServiceStandIn {

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    IncidentServiceStandIn() {
        server.start();
        server.stubFor(get(urlPathEqualTo("/incidents")).willReturn(okJson("[]")));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** {@code GET /incidents} with the query (e.g. {@code ?limit=500&status=triggered}) answers this array. */
    void incidents(String query, String jsonArray) {
        server.stubFor(get(urlEqualTo("/incidents" + query)).atPriority(1).willReturn(okJson(jsonArray)));
    }

    void answers(String path, String json) {
        server.stubFor(get(urlEqualTo(path)).willReturn(okJson(json)));
    }

    /** The path answers only after {@code delayMillis}: incident-service is too slow for Slack's three seconds. */
    void slow(String path, int delayMillis) {
        server.stubFor(get(urlEqualTo(path)).atPriority(1).willReturn(okJson("[]").withFixedDelay(delayMillis)));
    }
}
