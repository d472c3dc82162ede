package io.oncallhq.contracts;

/**
 * Who did something: a responder of the on-call model, a Slack user not yet resolved to a responder,
 * an API client, or the system itself (auto-resolve, escalation timer).
 *
 * @param kind one of {@link #RESPONDER}, {@link #SLACK_USER}, {@link #API}, {@link #SYSTEM}
 * @param id   the responder id, Slack user id, API client id or system component
 * @param name a display name, when known
 */
public record Actor(String kind, String id, String name) {

    public static final String RESPONDER = "responder";
    public static final String SLACK_USER = "slack-user";
    public static final String API = "api";
    public static final String SYSTEM = "system";

    public static Actor system(String component) {
        return new Actor(SYSTEM, component, component);
    }

    public static Actor slackUser(String slackUserId, String name) {
        return new Actor(SLACK_USER, slackUserId, name);
    }

    public static Actor responder(String responderId, String name) {
        return new Actor(RESPONDER, responderId, name);
    }
}
