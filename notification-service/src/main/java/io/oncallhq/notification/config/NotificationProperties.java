package io.oncallhq.notification.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * @param incidentServiceUrl base of incident-service's REST API: incident links, slash command look-ups
 * @param incidentServiceTimeout how long a slash command waits for incident-service (Slack allows 3 s in all)
 * @param respondersCacheTtl     how long incident-service's responders (who is a linked Slack user) are kept
 * @param slack              the Slack app; without a bot token pages go to the console channel
 * @param fallback           the signed outgoing webhook: where pages go when Slack stays down, and how webhook calls
 *                           (also to a responder's own URL) are signed
 * @param email              the e-mail channel (active when Spring's mail sender is, {@code SPRING_MAIL_HOST})
 */
@ConfigurationProperties("notification")
public record NotificationProperties(String incidentServiceUrl, Duration incidentServiceTimeout,
                                     Duration respondersCacheTtl, Slack slack, Fallback fallback, Email email) {

    /**
     * @param apiUrl                the Web API's method URL prefix ({@code https://slack.com/api/}, or a stand-in)
     * @param botToken              the bot token ({@code xoxb-...}); blank means Slack is not used for paging
     * @param signingSecret         verifies requests from Slack; blank means the Slack endpoints answer 503
     * @param signingSecretPrevious the secret being rotated out, also accepted while set
     * @param httpTimeout           read/write/call timeout of one Web API call
     * @param rateLimiterConfig     the Resilience4j rate limiter config each per-channel limiter is made from
     * @param maxRequestBody        a request from Slack with a larger body is refused (413) before it is verified
     */
    public record Slack(String apiUrl, String botToken, String signingSecret, String signingSecretPrevious,
                        Duration httpTimeout, String rateLimiterConfig, DataSize maxRequestBody) {

        public boolean pagingEnabled() {
            return botToken != null && !botToken.isBlank();
        }

        public List<String> signingSecrets() {
            return java.util.stream.Stream.of(signingSecret, signingSecretPrevious)
                    .filter(secret -> secret != null && !secret.isBlank()).toList();
        }
    }

    /**
     * @param webhookUrl     where pages go when Slack stays down; blank means no fallback
     * @param secret         signs the webhook calls
     * @param secretPrevious a secret being rotated out: while set, calls carry a second {@code v1=} signature
     * @param timeout        connect and request timeout of one webhook call
     */
    public record Fallback(String webhookUrl, String secret, String secretPrevious, Duration timeout) {

        public boolean enabled() {
            return webhookUrl != null && !webhookUrl.isBlank();
        }

        /** Webhook calls can be signed: a responder's own webhook URL works even without a fallback URL. */
        public boolean signing() {
            return secret != null && !secret.isBlank();
        }
    }

    /** @param from the sender address of page e-mails */
    public record Email(String from) {
    }
}
