package io.oncallhq.system;

import io.oncallhq.localruntime.LocalSystem;
import io.oncallhq.localruntime.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web console in a real browser against the system, started once by the launcher of {@code ./run.sh} (all but
 * notification-service, which the console does not call): a responder
 * signs in, sees an alert's incident appear without a reload, acknowledges and resolves it, writes the post-mortem and
 * submits it; a reviewer in a second browser publishes it and its export has the edit. Then what must not work: a
 * viewer's buttons and forged post, script in a section, a stale save (the merge view), a session after sign-out.
 * Skipped where Debian's chromium and chromium-driver are not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleBrowserIT {

    private static final String INTEGRATION_KEY = "browser-test-integration-key-01";
    private static final String ALEX_TOKEN = "browser-test-alex-token";
    private static final String REVIEWER_TOKEN = "browser-test-reviewer-token";
    private static final String VIEWER_TOKEN = "browser-test-viewer-token";
    private static final String EDIT = "The connection pool was exhausted by a **retry storm** after the deploy.";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Map<String, Integer> ports = new HashMap<>();
    private final Path screenshots = Path.of(System.getProperty("console.screenshots.dir", "target/console-screenshots"));
    private LocalSystem system;
    private Browsers browsers;
    private WebDriver responder;
    private WebDriver reviewer;
    private String incidentUrl;
    private String postmortemUrl;

    @BeforeAll
    void startSystemAndBrowsers() throws IOException, InterruptedException {
        assumeTrue(Browsers.installed(), "Debian's chromium and chromium-driver are not installed");
        for (String variable : List.of("ALERT_INGEST_PORT", "INCIDENT_PORT", "POSTMORTEM_PORT", "WEB_CONSOLE_PORT",
                "KAFKA_PORT", "MONGODB_PORT")) {
            ports.put(variable, Ports.free());
        }
        Map<String, String> environment = new HashMap<>();
        ports.forEach((variable, port) -> environment.put(variable, String.valueOf(port)));
        environment.put("REPO_DIR", System.getProperty("repo.dir", ".."));
        // Pages are requested whether or not anyone delivers them: notification-service is not needed here.
        environment.put("LOCAL_SERVICES", "alert-ingest-service,incident-service,postmortem-service,web-console");
        environment.put("DATA_DIR", Files.createTempDirectory("oncallhq-browser-test").toString());
        environment.put("DEMO_INTEGRATION_KEY", INTEGRATION_KEY);
        environment.put("API_TOKEN", Http.API_TOKEN);
        // Alex, the demo responder, with the token the local run gives them; and two more people: Noor, Alex's
        // teammate, who reviews, and a viewer, as static tokens known by their SHA-256 only (index 0 is Alex's).
        environment.put("DEMO_RESPONDER_TOKEN", ALEX_TOKEN);
        staticToken(environment, 1, "Noor Haddad", "responder", "noor", REVIEWER_TOKEN);
        staticToken(environment, 2, "Vic Viewer", "viewer", null, VIEWER_TOKEN);
        // Quick list refreshes: the test waits for the incident to appear, it does not time it.
        environment.put("CONSOLE_REFRESH_INTERVAL", "1s");
        system = new LocalSystem(environment, new PrintStream(System.out, true));
        system.start();
        browsers = new Browsers();
        responder = browsers.open();
        reviewer = browsers.open();
    }

    @AfterAll
    void stopAll() {
        if (browsers != null) {
            browsers.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void anAlertsIncidentAppearsOnTheOpenListWithoutAReload() {
        signIn(responder, ALEX_TOKEN);
        assertThat(responder.findElement(By.id("signed-in-as")).getText()).isEqualTo("Alex Rivera (responder)");
        ((JavascriptExecutor) responder).executeScript("window.loadedOnce = 'yes';");

        Http.Response accepted = Http.postJson(url("ALERT_INGEST_PORT", "/integrations/" + INTEGRATION_KEY + "/generic"),
                "{\"summary\":\"Checkout latency above 2s\",\"severity\":\"critical\",\"dedupKey\":\"browser-checkout\"}");
        assertThat(accepted.status()).isEqualTo(202);

        // The rows are replaced at every refresh: the link is read inside the wait, which retries a replaced one.
        incidentUrl = waitFor(responder).ignoring(StaleElementReferenceException.class).until(page -> page.findElement(
                By.xpath("//section[@id='incident-rows']//a[text()='Checkout latency above 2s']")).getAttribute("href"));
        assertThat(((JavascriptExecutor) responder).executeScript("return window.loadedOnce;"))
                .as("the row came in without a reload").isEqualTo("yes");
        screenshot(responder, "incidents");
    }

    @Test
    @Order(2)
    void theResponderAcknowledgesAndResolvesFromTheIncidentsPage() {
        responder.get(incidentUrl);
        assertThat(status(responder)).isEqualTo("triggered");
        assertThat(responder.findElement(By.id("timeline")).getText()).isNotBlank();

        submit(responder, By.id("acknowledge"));
        assertThat(status(responder)).isEqualTo("acknowledged");
        screenshot(responder, "incident");
        submit(responder, By.id("resolve"));

        assertThat(status(responder)).isEqualTo("resolved");
        assertThat(responder.findElement(By.cssSelector(".flash .done")).getText()).isEqualTo("Resolved.");
    }

    @Test
    @Order(3)
    void thePostmortemDraftOpensFromTheResolvedIncident() {
        responder.findElement(By.id("postmortem-link")).click();

        // The draft may still be in the making: its page waits for it, then opens it.
        waitFor(responder).until(ExpectedConditions.presenceOfElementLocated(By.id("postmortem-status")));
        postmortemUrl = responder.getCurrentUrl();
        assertThat(responder.findElement(By.tagName("h1")).getText()).endsWith("Checkout latency above 2s");
        assertThat(responder.findElement(By.id("postmortem-status")).getText()).isEqualTo("draft");
    }

    @Test
    @Order(4)
    void theResponderEditsASectionCommentsAddsAnActionItemAndSubmits() {
        replaceText(responder.findElement(By.id("text-summary")), EDIT);
        responder.findElement(By.id("preview-summary")).click();
        waitFor(responder).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview-summary strong")));
        submit(responder, By.id("save-summary"));
        assertThat(responder.findElement(By.cssSelector("#section-summary .rendered strong")).getText())
                .isEqualTo("retry storm");

        responder.findElement(By.id("comment-summary")).sendKeys("Which deploy was it?");
        submit(responder, By.id("add-comment-summary"));
        assertThat(responder.findElement(By.cssSelector("#section-summary .comment-text")).getText())
                .isEqualTo("Which deploy was it?");

        responder.findElement(By.id("item-title")).sendKeys("Cap client retries with jitter");
        responder.findElement(By.id("item-owner")).sendKeys("alex");
        submit(responder, By.id("add-action-item"));
        assertThat(responder.findElement(By.id("action-items")).getText()).contains("Cap client retries with jitter");
        // The edit form opens from the keyboard, as a disclosure.
        responder.findElement(By.cssSelector("#action-items details summary")).sendKeys(Keys.ENTER);
        replaceText(responder.findElement(By.id("item-owner-0")), "noor");
        submit(responder, By.id("save-item-0"));
        assertThat(responder.findElement(By.cssSelector("#action-items tbody tr td:nth-child(2)")).getText())
                .isEqualTo("noor");

        submit(responder, By.cssSelector("#timeline li:first-child .curation button"));
        assertThat(responder.findElement(By.cssSelector("#timeline li:first-child")).getAttribute("class"))
                .isEqualTo("hidden-entry");

        replaceText(responder.findElement(By.id("reviewer-ids")), "noor");
        submit(responder, By.id("set-reviewers"));
        screenshot(responder, "postmortem");
        submit(responder, By.id("submit-review"));

        assertThat(responder.findElement(By.id("postmortem-status")).getText()).isEqualTo("in_review");
    }

    @Test
    @Order(5)
    void aReviewerInAnotherSessionPublishesAndTheExportHasTheEdit() {
        signIn(reviewer, REVIEWER_TOKEN);
        assertThat(reviewer.findElement(By.id("signed-in-as")).getText()).isEqualTo("Noor Haddad (responder)");
        reviewer.get(postmortemUrl);

        submit(reviewer, By.id("publish"));

        assertThat(reviewer.findElement(By.id("postmortem-status")).getText()).isEqualTo("published");
        submit(reviewer, By.id("export"));
        assertThat(reviewer.findElement(By.tagName("body")).getText()).contains(EDIT)
                .contains("Cap client retries with jitter");
    }

    @Test
    @Order(6)
    void twoPeopleSavingOneSectionMeetTheMergeViewInsteadOfLosingAText() {
        responder.get(postmortemUrl);
        reviewer.get(postmortemUrl);
        replaceText(responder.findElement(By.id("text-impact")), "Checkout failed for 12% of customers.");
        submit(responder, By.id("save-impact"));
        assertThat(responder.findElement(By.cssSelector(".flash .done")).getText()).isEqualTo("Section saved.");

        replaceText(reviewer.findElement(By.id("text-impact")), "About one in eight checkouts failed.");
        submit(reviewer, By.id("save-impact"));

        WebElement merge = reviewer.findElement(By.cssSelector("#section-impact .merge-view"));
        assertThat(merge.findElement(By.className("yours")).getText()).isEqualTo("About one in eight checkouts failed.");
        assertThat(merge.findElement(By.className("theirs")).getText()).isEqualTo("Checkout failed for 12% of customers.");
        ((JavascriptExecutor) reviewer).executeScript("arguments[0].scrollIntoView()", merge);
        screenshot(reviewer, "merge-view");
        submit(reviewer, By.id("save-impact"));
        assertThat(reviewer.findElement(By.cssSelector("#section-impact .rendered")).getText())
                .isEqualTo("About one in eight checkouts failed.");
    }

    @Test
    @Order(7)
    void thePublishedVersionShowsWhatChangedSince() {
        responder.get(postmortemUrl);

        submit(responder, By.cssSelector("#versions a"));

        assertThat(responder.findElement(By.tagName("h1")).getText()).isEqualTo("Version 1 against the text now");
        WebElement impact = responder.findElement(By.xpath("//section[h2='Impact']"));
        assertThat(impact.findElements(By.cssSelector("li.added .line")))
                .extracting(WebElement::getText).containsExactly("About one in eight checkouts failed.");
        screenshot(responder, "version-changes");
    }

    @Test
    @Order(8)
    void scriptInASectionStaysInert() {
        responder.get(postmortemUrl);
        replaceText(responder.findElement(By.id("text-summary")), """
                <script>window.injected = 'script'</script>

                <img src="x" onerror="window.injected = 'img'">

                [a link](javascript:window.injected='link')""");
        responder.findElement(By.id("preview-summary")).click();
        waitFor(responder).until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-summary"), "a link"));
        submit(responder, By.id("save-summary"));
        responder.findElement(By.cssSelector("#section-summary .rendered a")).click();

        assertThat(((JavascriptExecutor) responder).executeScript("return window.injected === undefined;")).isEqualTo(true);
        assertThat(responder.findElements(By.cssSelector("#section-summary .rendered script, #section-summary .rendered img")))
                .isEmpty();
    }

    @Test
    @Order(9)
    void aViewerSeesNoActionButtonsAndTheirForgedPostIsRefused() {
        WebDriver viewer = browsers.open();
        signIn(viewer, VIEWER_TOKEN);
        viewer.get(incidentUrl);
        assertThat(viewer.findElements(By.cssSelector("main button"))).isEmpty();

        // The form a viewer's page never offers, posted with the viewer's own valid CSRF token.
        ((JavascriptExecutor) viewer).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = location.pathname + '/reopen';
                form.appendChild(document.querySelector('input[name=_csrf]').cloneNode());
                document.body.appendChild(form);
                form.submit();""");

        waitFor(viewer).until(ExpectedConditions.textToBe(By.tagName("h1"), "Not allowed"));
        viewer.get(incidentUrl);
        assertThat(status(viewer)).isEqualTo("resolved");
    }

    @Test
    @Order(10)
    void theOnCallPageShowsEachServicesCoverage() {
        responder.get(url("WEB_CONSOLE_PORT", "/oncall"));

        // The demo's checkout-api pages a schedule that Alex holds around the clock.
        assertThat(responder.findElement(By.cssSelector("#coverage tbody")).getText())
                .isEqualTo("Checkout API every level has someone on call throughout");
        screenshot(responder, "oncall");
    }

    @Test
    @Order(11)
    void signingOutEndsTheSession() {
        submit(responder, By.id("sign-out"));
        assertThat(responder.findElement(By.cssSelector("main [role=status]")).getText()).isEqualTo("You are signed out.");

        responder.get(incidentUrl);

        assertThat(responder.getCurrentUrl()).endsWith("/sign-in");
    }

    private void signIn(WebDriver browser, String token) {
        browser.get(url("WEB_CONSOLE_PORT", "/sign-in"));
        screenshotOnce(browser, "sign-in");
        browser.findElement(By.id("token")).sendKeys(token);
        submit(browser, By.id("sign-in"));
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    }

    /** Clicks what leaves the page (a form's button, a link) and waits until the next page has loaded. */
    private static void submit(WebDriver browser, By button) {
        WebElement clicked = browser.findElement(button);
        clicked.click();
        waitFor(browser).until(page -> left(clicked));
        waitFor(browser).until(loaded -> "complete".equals(
                ((JavascriptExecutor) loaded).executeScript("return document.readyState")));
    }

    /**
     * Whether the element belongs to a page already left. Chromedriver says so as a stale element, or now and then,
     * while the next page replaces the document, as an inspector error about a node no longer in it.
     */
    private static boolean left(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException error) {
            if (String.valueOf(error.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw error;
        }
    }

        private String status(WebDriver browser) {
        return browser.findElement(By.id("incident-status")).getText();
    }

    private static void replaceText(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    private void screenshot(WebDriver browser, String page) {
        Browsers.screenshot(browser, screenshots.resolve("console-" + page + ".png"));
    }

    private void screenshotOnce(WebDriver browser, String page) {
        if (!Files.exists(screenshots.resolve("console-" + page + ".png"))) {
            screenshot(browser, page);
        }
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, PATIENCE);
    }

    private String url(String portVariable, String path) {
        return "http://localhost:" + ports.get(portVariable) + path;
    }

    private static void staticToken(Map<String, String> environment, int index, String name, String role,
                                    String responderId, String token) {
        String prefix = "ONCALLHQ_SECURITY_APITOKENS_" + index + "_";
        environment.put(prefix + "NAME", name);
        environment.put(prefix + "ROLE", role);
        if (responderId != null) {
            environment.put(prefix + "RESPONDERID", responderId);
        }
        environment.put(prefix + "SHA256", sha256(token));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
