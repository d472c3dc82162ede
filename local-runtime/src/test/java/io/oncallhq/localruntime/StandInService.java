package io.oncallhq.localruntime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A tiny real service for launcher tests: prints the settings it was given, answers 200 on
 * {@code /actuator/health} at {@code SERVER_PORT}, and says when SIGTERM stops it. With the argument
 * {@code fail} it exits at once with code 3 instead.
 */
public final class StandInService {

    static final List<String> REPORTED_VARIABLES = List.of("SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI",
            "DEMO_SEED", "DEMO_INTEGRATION_KEY", "DEMO_SLACK_USER_ID", "INCIDENT_SERVICE_URL", "SLACK_BOT_TOKEN",
            "ONCALLHQ_SECURITY_APITOKENS_0_RESPONDERID", "ONCALLHQ_SECURITY_APITOKENS_0_SHA256",
            "ALERT_INGEST_API_URL", "INCIDENT_SERVICE_API_URL", "POSTMORTEM_SERVICE_API_URL");

    private StandInService() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("fail")) {
            System.err.println("boom: cannot start");
            System.exit(3);
        }
        REPORTED_VARIABLES.forEach(name -> System.out.println(name + "=" + System.getenv(name)));
        HttpServer server = HttpServer.create(
                new InetSocketAddress("localhost", Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stopped gracefully")));
        server.start();
        System.out.println("listening");
    }
}
