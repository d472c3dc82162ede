package io.oncallhq.notification.config;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.oncallhq.notification.console.ConsoleChannel;
import io.oncallhq.notification.email.EmailChannel;
import io.oncallhq.notification.paging.ChannelGuard;
import io.oncallhq.notification.paging.PagingChannel;
import io.oncallhq.notification.paging.PagingChannels;
import io.oncallhq.notification.paging.ResilientChannel;
import io.oncallhq.notification.paging.ResilientTeamChannel;
import io.oncallhq.notification.slack.ChannelThrottle;
import io.oncallhq.notification.slack.PerChannelThrottle;
import io.oncallhq.notification.slack.SlackCalls;
import io.oncallhq.notification.slack.SlackChannel;
import io.oncallhq.notification.slack.SlackTeamChannel;
import io.oncallhq.notification.slack.SlackSignatureVerifier;
import io.oncallhq.notification.webhook.WebhookChannel;
import io.oncallhq.notification.webhook.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springframework.mail.javamail.JavaMailSender;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Decides once, at startup, where pages go: Slack when a bot token is set, the console otherwise; the signed webhook
 * as fallback when {@code FALLBACK_WEBHOOK_URL} is set. Slack and the webhook sit behind the Resilience4j instances
 * named in {@code application.yml} ({@code slack}, {@code webhook}; rate limiter config {@code slack-channel}, one
 * limiter per Slack channel id).
 */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChannelConfiguration.class);

    @Bean(destroyMethod = "close")
    Slack slack(NotificationProperties properties, ObservationRegistry observations) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.slack().apiUrl());
        config.setStatsEnabled(false);
        int timeoutMillis = (int) properties.slack().httpTimeout().toMillis();
        config.setHttpClientReadTimeoutMillis(timeoutMillis);
        config.setHttpClientWriteTimeoutMillis(timeoutMillis);
        config.setHttpClientCallTimeoutMillis(timeoutMillis);
        return Slack.getInstance(config, SlackApiObservation.httpClient(config, observations));
    }

    @Bean
    MethodsClient slackMethods(Slack slack, NotificationProperties properties) {
        return slack.methods(properties.slack().botToken());
    }

    @Bean
    SlackCalls slackCalls(MethodsClient slackMethods) {
        return new SlackCalls(slackMethods);
    }

    @Bean
    PagingChannels pagingChannels(NotificationProperties properties, SlackCalls slackCalls, Clock clock,
                                  RetryRegistry retries, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
                                  RateLimiterRegistry rateLimiters, ObjectProvider<JavaMailSender> mailSender) {
        NotificationProperties.Fallback settings = properties.fallback();
        PagingChannel webhook = null;
        if (settings.enabled() || settings.signing()) {
            WebhookChannel signed = new WebhookChannel(settings.enabled() ? URI.create(settings.webhookUrl()) : null,
                    new WebhookSignature(List.of(nullToEmpty(settings.secret()), nullToEmpty(settings.secretPrevious()))),
                    settings.timeout(), clock);
            webhook = new ResilientChannel(signed, guard(WebhookChannel.NAME, retries, breakers, bulkheads));
            log.info(settings.enabled() ? "Fallback channel: webhook (" + settings.webhookUrl() + ")"
                    : "Webhook channel: for responders' own webhook URLs only (no FALLBACK_WEBHOOK_URL)");
        }
        JavaMailSender mail = mailSender.getIfAvailable();
        PagingChannel email = mail == null ? null : new ResilientChannel(
                new EmailChannel(mail, properties.email().from()), guard(EmailChannel.NAME, retries, breakers, bulkheads));
        log.info(email == null ? "E-mail channel: off (SPRING_MAIL_HOST is not set)"
                : "E-mail channel: SMTP, from " + properties.email().from());
        boolean webhookIsFallback = settings.enabled();
        if (properties.slack().pagingEnabled()) {
            log.info("Paging channel: slack (Web API at {})", properties.slack().apiUrl());
            ChannelThrottle perChannel = new PerChannelThrottle(rateLimiters, properties.slack().rateLimiterConfig());
            ChannelGuard slackGuard = guard(SlackChannel.NAME, retries, breakers, bulkheads);
            return new PagingChannels(new ResilientChannel(new SlackChannel(slackCalls, perChannel), slackGuard),
                    webhook, email, webhookIsFallback,
                    new ResilientTeamChannel(new SlackTeamChannel(slackCalls, perChannel), slackGuard));
        }
        log.warn("Paging channel: console (SLACK_BOT_TOKEN is not set, pages are written to this log; no team "
                + "channel messages)");
        return new PagingChannels(new ConsoleChannel(properties.incidentServiceUrl()), webhook, email, webhookIsFallback,
                null);
    }

    @Bean
    SlackSignatureVerifier slackSignatureVerifier(NotificationProperties properties, Clock clock) {
        SlackSignatureVerifier verifier = new SlackSignatureVerifier(properties.slack().signingSecrets(), clock);
        if (!verifier.configured()) {
            log.warn("SLACK_SIGNING_SECRET is not set: POST /slack/interactions and /slack/commands answer 503");
        }
        return verifier;
    }

    private static ChannelGuard guard(String instance, RetryRegistry retries, CircuitBreakerRegistry breakers,
                                      BulkheadRegistry bulkheads) {
        Retry retry = Retry.of(instance, ChannelGuard.honouringRetryAfter(retries.retry(instance).getRetryConfig()));
        return new ChannelGuard(instance, retry, breakers.circuitBreaker(instance), bulkheads.bulkhead(instance));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
