package io.oncallhq.notification.config;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.oncallhq.notification.console.ConsoleChannel;
import io.oncallhq.notification.paging.PagingChannel;
import io.oncallhq.notification.slack.SlackChannel;
import io.oncallhq.notification.slack.SlackSignatureVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Decides once, at startup, where pages go: Slack when a bot token is set, the console otherwise. */
@Configuration(proxyBeanMethods = false)
class ChannelConfig {

    private static final Logger log = LoggerFactory.getLogger(ChannelConfig.class);

    @Bean(destroyMethod = "close")
    Slack slack(NotificationProperties properties) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(properties.slack().apiUrl());
        config.setStatsEnabled(false);
        return Slack.getInstance(config);
    }

    @Bean
    PagingChannel pagingChannel(NotificationProperties properties, Slack slack) {
        if (properties.slack().pagingEnabled()) {
            log.info("Paging channel: slack (Web API at {})", properties.slack().apiUrl());
            return new SlackChannel(slack.methods(properties.slack().botToken()));
        }
        log.warn("Paging channel: console (SLACK_BOT_TOKEN is not set, pages are written to this log)");
        return new ConsoleChannel(properties.incidentServiceUrl());
    }

    @Bean
    SlackSignatureVerifier slackSignatureVerifier(NotificationProperties properties, Clock clock) {
        SlackSignatureVerifier verifier = new SlackSignatureVerifier(properties.slack().signingSecret(), clock);
        if (!verifier.configured()) {
            log.warn("SLACK_SIGNING_SECRET is not set: POST /slack/interactions answers 503");
        }
        return verifier;
    }
}
