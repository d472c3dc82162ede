package io.oncallhq.notification.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param incidentServiceUrl base of incident-service's REST API, shown where a page cannot carry buttons
 * @param slack              the Slack app; without a bot token pages go to the console channel
 */
@ConfigurationProperties("notification")
public record NotificationProperties(String incidentServiceUrl, Slack slack) {

    /**
     * @param apiUrl        the Web API's method URL prefix ({@code https://slack.com/api/}, or a stand-in in tests)
     * @param botToken      the bot token ({@code xoxb-...}); blank means Slack is not used for paging
     * @param signingSecret verifies requests from Slack; blank means the interactions endpoint answers 503
     */
    public record Slack(String apiUrl, String botToken, String signingSecret) {

        public boolean pagingEnabled() {
            return botToken != null && !botToken.isBlank();
        }
    }
}
