package io.oncallhq.localruntime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny real service for launcher tests: prints the settings it was given, answers 200 on
 * {@code /actuator/health} at {@code SERVER_PORT}, and says when SIGTERM stops it. With the argument
 * {@code fail} it exits at once with code 3 instead. Run from a jar, it trains like a Spring Boot jar:
 * {@code -Djarmode=tools -jar x.jar extract --destination d} copies the jar into {@code d}, and
 * {@code -Dspring.context.exit=onRefresh} exits once it is up (with code 1 when {@code STAND_IN_TRAINING_FAILS}).
 */
public final class StandInService {

    static final List<String> REPORTED_VARIABLES = List.of("SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI",
            "DEMO_SEED", "DEMO_INTEGRATION_KEY", "DEMO_SLACK_USER_ID", "INCIDENT_SERVICE_URL", "SLACK_BOT_TOKEN",
            "ONCALLHQ_SECURITY_APITOKENS_0_RESPONDERID", "ONCALLHQ_SECURITY_APITOKENS_0_SHA256",
            "ALERT_INGEST_API_URL", "INCIDENT_SERVICE_API_URL", "POSTMORTEM_SERVICE_API_URL");

    private StandInService() {
    }

    public static void main(String[] args) throws IOException {
        if ("tools".equals(System.getProperty("jarmode"))) {
            Path jar = Path.of(System.getProperty("java.class.path"));
            Path destination = Files.createDirectories(Path.of(args[2]));
            Files.copy(jar, destination.resolve(jar.getFileName()));
            return;
        }
        if (args.length > 0 && args[0].equals("fail")) {
            System.err.println("boom: cannot start");
            System.exit(3);
        }
        REPORTED_VARIABLES.forEach(name -> System.out.println(name + "=" + System.getenv(name)));
        System.out.println("java.class.path=" + System.getProperty("java.class.path"));
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
        if ("onRefresh".equals(System.getProperty("spring.context.exit"))) {
            System.exit(System.getenv("STAND_IN_TRAINING_FAILS") == null ? 0 : 1);
        }
    }
}
