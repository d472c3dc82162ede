package io.oncallhq.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web console's incidents page with many incidents stored: alert-ingest, incident-service and the console as
 * {@code ./run.sh} starts them; {@code BENCH_OPEN_INCIDENTS} (100) incidents opened through alert-ingest, then
 * resolved copies of them written straight into the incidents collection (as {@code bench/run.sh correlation} does)
 * up to {@code BENCH_STORED_INCIDENTS} (10,000) in all. It signs in through the console's form with the admin API
 * token, as a person does (the form's CSRF token, the session cookie), and times, one request at a time after
 * {@code BENCH_WARMUP_REQUESTS} (50) unmeasured ones each, {@code BENCH_REQUESTS} (20) of: the page
 * ({@code GET /incidents}), the rows htmx asks for every few seconds ({@code GET /incidents/rows}), and
 * incident-service's {@code GET /incidents} that both make, called directly with the same query.
 */
final class ConsoleIncidents {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern ROW = Pattern.compile("data-incident-id=");

    private ConsoleIncidents() {
    }

    static void run() throws Exception {
        int open = Integer.parseInt(System.getenv().getOrDefault("BENCH_OPEN_INCIDENTS", "100"));
        int stored = Integer.parseInt(System.getenv().getOrDefault("BENCH_STORED_INCIDENTS", "10000"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_REQUESTS", "50"));
        int requests = Integer.parseInt(System.getenv().getOrDefault("BENCH_REQUESTS", "20"));
        try (BenchSystem bench = new BenchSystem("alert-ingest-service,incident-service,web-console");
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bench.kafkaBootstrapServers));
             MongoClient mongo = MongoClients.create(bench.mongoServerUri());
             HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                     .followRedirects(HttpClient.Redirect.NEVER).build()) {
            MongoCollection<Document> incidents = mongo.getDatabase("incidents").getCollection("incidents");
            CorrelationThroughput.round(bench, admin, "opening incidents", open, 8, BenchSystem.INTEGRATION_KEY, "console");
            long total = CorrelationThroughput.storeCopies(incidents, stored - open);
            System.out.printf("%,d incidents stored (%,d open)%n", total, incidents.countDocuments(new Document("status",
                    new Document("$ne", "RESOLVED"))));

            String console = "http://localhost:" + bench.consolePort;
            signIn(browser, console, bench.apiToken);
            HttpRequest page = HttpRequest.newBuilder(URI.create(console + "/incidents")).build();
            HttpRequest rows = HttpRequest.newBuilder(URI.create(console + "/incidents/rows"))
                    .header("HX-Request", "true").build();
            // What the console asks incident-service for the list without filters (IncidentFilter.query).
            HttpRequest api = HttpRequest.newBuilder(URI.create("http://localhost:" + bench.incidentPort
                    + "/incidents?limit=200")).header("Authorization", "Bearer " + bench.apiToken).build();

            for (int i = 0; i < warmup; i++) {
                for (HttpRequest request : new HttpRequest[] {page, rows, api}) {
                    get(browser, request);
                }
            }
            Latencies pageTimes = new Latencies();
            Latencies rowsTimes = new Latencies();
            Latencies apiTimes = new Latencies();
            Timed lastPage = null;
            Timed lastRows = null;
            Timed lastApi = null;
            for (int i = 0; i < requests; i++) {
                lastPage = get(browser, page);
                pageTimes.add(lastPage.nanos());
                lastRows = get(browser, rows);
                rowsTimes.add(lastRows.nanos());
                lastApi = get(browser, api);
                apiTimes.add(lastApi.nanos());
            }
            System.out.println();
            System.out.printf("with %,d incidents stored, one request at a time after %d of warm-up:%n", total, warmup);
            System.out.printf("%-42s %s, %,d bytes, %d rows%n", "console GET /incidents (the page)",
                    pageTimes.summary(), size(lastPage), rowCount(lastPage.body()));
            System.out.printf("%-42s %s, %,d bytes%n", "console GET /incidents/rows (htmx)", rowsTimes.summary(),
                    size(lastRows));
            System.out.printf("%-42s %s, %,d bytes%n", "incident-service GET /incidents?limit=200", apiTimes.summary(),
                    size(lastApi));
            System.out.printf("load average %s", Files.readString(Path.of("/proc/loadavg")));
        }
    }

    /** The console's sign-in form as a browser sends it: its CSRF token, the session cookie, the API token. */
    private static void signIn(HttpClient browser, String console, String token) throws IOException, InterruptedException {
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(console + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("GET /sign-in answered " + form.statusCode() + " without a CSRF token");
        }
        String fields = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(console + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields)).build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || !location.endsWith("/incidents")) {
            throw new IllegalStateException("POST /sign-in answered " + signedIn.statusCode() + " to " + location);
        }
    }

    private record Timed(long nanos, String body) {
    }

    private static Timed get(HttpClient browser, HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> answer = browser.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + answer.statusCode());
        }
        return new Timed(nanos, answer.body());
    }

    private static int size(Timed answer) {
        return answer.body().getBytes(StandardCharsets.UTF_8).length;
    }

    private static int rowCount(String html) {
        return (int) ROW.matcher(html).results().count();
    }
}
