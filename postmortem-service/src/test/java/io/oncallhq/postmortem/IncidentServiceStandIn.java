package io.oncallhq.postmortem;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.oncallhq.apisecurity.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * incident-service's {@code GET /teams/{teamId}} on a loopback port: teams with their {@code members}, one team that
 * fails ({@value #FAILING}) and one that never answers in time ({@value #SILENT}); without the service token, 401.
 */
public final class IncidentServiceStandIn {

    public static final String FAILING = "failing-team";
    public static final String SILENT = "silent-team";

    private final HttpServer server;
    private final Map<String, List<String>> members = new ConcurrentHashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);

    private IncidentServiceStandIn(HttpServer server) {
        this.server = server;
    }

    static IncidentServiceStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            IncidentServiceStandIn standIn = new IncidentServiceStandIn(server);
            server.createContext("/teams/", standIn::team);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            standIn.members.put("payments", List.of("alex", "sam", "rita"));
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    public void team(String teamId, String... responderIds) {
        members.put(teamId, List.of(responderIds));
    }

    private void team(HttpExchange exchange) throws IOException {
        String teamId = exchange.getRequestURI().getPath().substring("/teams/".length());
        if (teamId.equals(SILENT)) {
            awaitQuietly(); // longer than the service's lookup timeout
        }
        List<String> team = members.get(teamId);
        boolean authorized = ("Bearer " + TestTokens.SERVICE).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        int status = !authorized ? 401 : teamId.equals(FAILING) ? 500 : team == null ? 404 : 200;
        String body = team == null ? "{}" : "{\"id\":\"" + teamId + "\",\"name\":\"" + teamId + "\",\"members\":["
                + team.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void awaitQuietly() {
        try {
            stopping.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
