package io.oncallhq.console;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * incident-service and postmortem-service stood in by one WireMock server, which knows a token of each role the way
 * the real services answer them (401 for an unknown token, 403 below the role an operation needs).
 */
public final class StubbedServices {

    public static final String VIEWER_TOKEN = "viewer-token-1234";
    public static final String RESPONDER_TOKEN = "responder-token-5678";
    public static final String ADMIN_TOKEN = "admin-token-9012";

    private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());

    private StubbedServices() {
    }

    /** Starts the stand-in once per test JVM and points the console at it. */
    public static void register(DynamicPropertyRegistry properties) {
        if (!SERVER.isRunning()) {
            SERVER.start();
        }
        properties.add("console.incident-service-url", SERVER::baseUrl);
        properties.add("console.postmortem-service-url", SERVER::baseUrl);
        properties.add("console.alert-ingest-url", SERVER::baseUrl);
    }

    public static WireMockServer server() {
        return SERVER;
    }

    /** Forgets every stub and request, then knows the three tokens again. */
    public static void reset() {
        SERVER.resetAll();
        SERVER.stubFor(get(urlPathEqualTo("/me")).atPriority(10).willReturn(aResponse().withStatus(401)));
        for (String token : new String[]{VIEWER_TOKEN, RESPONDER_TOKEN, ADMIN_TOKEN}) {
            SERVER.stubFor(as(token, get(urlPathEqualTo("/incidents"))).atPriority(9).willReturn(okJson("[]")));
        }
        stubCaller(VIEWER_TOKEN, "Vic Viewer", null, "viewer");
        stubCaller(RESPONDER_TOKEN, "Sam Lee", "sam", "responder");
        stubCaller(ADMIN_TOKEN, "admin", null, "admin");
    }

    /** The request as a token sends it. */
    public static MappingBuilder as(String token, MappingBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + token));
    }

    private static void stubCaller(String token, String name, String responderId, String role) {
        String responder = responderId == null ? "null" : "\"" + responderId + "\"";
        SERVER.stubFor(as(token, get(urlPathEqualTo("/me"))).willReturn(okJson(
                "{\"name\":\"%s\",\"responderId\":%s,\"role\":\"%s\"}".formatted(name, responder, role))));
    }
}
