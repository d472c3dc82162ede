package io.oncallhq.notification.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.page.PageTarget;
import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.notification.paging.ChannelUnavailableException;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PagingFailedException;
import io.oncallhq.notification.paging.SentPage;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The e-mail channel against a real SMTP server (GreenMail). */
class EmailChannelTest {

    private static final Instant PAGED_AT = Instant.parse("2026-12-01T10:00:00Z");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void aPageByEmailCarriesTheHeadlineTheLinkAndAMessageIdMadeFromThePageId() throws Exception {
        SentPage sent = channelOn(SMTP.getSmtp().getPort()).send(page("alex@example.com"), null);

        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("[CRITICAL] #42 Checkout latency high");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("alex@example.com");
        assertThat(received.getFrom()[0].toString()).isEqualTo("oncall@example.com");
        assertThat(received.getMessageID()).isEqualTo("<page.page-1@oncallhq>");
        assertThat(GreenMailUtil.getBody(received)).contains("Service: Checkout API")
                .contains("http://localhost:8082/incidents/inc-1");
        assertThat(sent).isEqualTo(new SentPage("alex@example.com", "<page.page-1@oncallhq>"));
    }

    @Test
    void aPageByEmailListsTheServicesRecentChangesWithTheirLinks() {
        channelOn(SMTP.getSmtp().getPort()).send(page("alex@example.com",
                new RecentChange("Deployed checkout 2026.12.01-1", "deploy-pipeline", PAGED_AT.minusSeconds(600),
                        "https://ci.example.com/builds/1"),
                new RecentChange("Feature flag fast-checkout on", null, PAGED_AT.minusSeconds(7200), null)), null);

        assertThat(GreenMailUtil.getBody(SMTP.getReceivedMessages()[0]).replace("\r\n", "\n")).contains("""
                Recent changes:
                - 10 min before: Deployed checkout 2026.12.01-1 (deploy-pipeline)
                  https://ci.example.com/builds/1
                - 2 h before: Feature flag fast-checkout on
                """);
    }

    @Test
    void aPageWithoutRecentChangesSaysNothingAboutThem() {
        channelOn(SMTP.getSmtp().getPort()).send(page("alex@example.com"), null);

        assertThat(GreenMailUtil.getBody(SMTP.getReceivedMessages()[0])).doesNotContain("Recent changes");
    }

    @Test
    void theContactRulesAddressWinsOverTheRespondersEmail() {
        channelOn(SMTP.getSmtp().getPort()).send(page("alex@example.com"), "pager-alex@example.com");

        assertThat(SMTP.getReceivedMessagesForDomain("pager-alex@example.com")).hasSize(1);
    }

    @Test
    void aResponderWithoutAnAddressIsRefused() {
        assertThatThrownBy(() -> channelOn(SMTP.getSmtp().getPort()).send(page(null), null))
                .isInstanceOf(PagingFailedException.class).isNotInstanceOf(ChannelUnavailableException.class)
                .hasMessageContaining("no e-mail address");
    }

    @Test
    void anSmtpServerThatDoesNotAnswerIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> channelOn(closedPort).send(page("alex@example.com"), null))
                .isInstanceOf(ChannelUnavailableException.class);
    }

    private static EmailChannel channelOn(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return new EmailChannel(sender, "oncall@example.com");
    }

    private static Page page(String email, RecentChange... changes) {
        return new Page("page-1", "inc-1", 42, "Checkout latency high", Severity.CRITICAL, "checkout-api",
                "Checkout API", 1,
                "http://localhost:8082/incidents/inc-1", new PageTarget("alex", "Alex Rivera", email, "U0ALEX"),
                PAGED_AT, List.of(changes));
    }
}
