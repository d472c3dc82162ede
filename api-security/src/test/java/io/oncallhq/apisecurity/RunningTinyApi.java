package io.oncallhq.apisecurity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** {@link TinyApi} on a random port with {@link TestTokens}; each IT adds the settings it is about. */
@SpringBootTest(classes = TinyApi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningTinyApi {

    /** The open webhook of {@link TinyApi}, with its sender's key. */
    static final String HOOK = "/hooks/a-sender-key";

    @DynamicPropertySource
    static void staticTokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;

    /** @param headers name, value pairs */
    HttpResponse<String> send(String method, String pathAndQuery, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** What a browser asks before a page on {@code origin} sends {@code method path} with those request headers. */
    HttpResponse<String> preflight(String origin, String method, String path, String requestHeaders)
            throws IOException, InterruptedException {
        return send("OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", requestHeaders);
    }

    /** A viewer's read from a page on {@code origin}, as the browser sends it. */
    HttpResponse<String> readFrom(String origin) throws IOException, InterruptedException {
        return send("GET", "/readings", "Origin", origin, "Authorization", "Bearer " + TestTokens.VIEWER);
    }

    /** A sender's call to the open webhook: its key is in the path, no bearer token is needed. */
    HttpResponse<String> callHook(String... headers) throws IOException, InterruptedException {
        return send("POST", HOOK + "?state=firing", headers);
    }

    /** The origin the answer lets read it; without one the browser hands the answer to no script. */
    static Optional<String> allowedOrigin(HttpResponse<?> answer) {
        return answer.headers().firstValue("Access-Control-Allow-Origin");
    }
}
