package io.oncallhq.incident.configascode;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo on-call model of the local run.
 *
 * @param seed        whether to write it at startup ({@code DEMO_SEED})
 * @param slackUserId the Slack user id of the demo responder ({@code DEMO_SLACK_USER_ID})
 */
@ConfigurationProperties("incident.demo")
public record DemoProperties(boolean seed, String slackUserId) {
}
