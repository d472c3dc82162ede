package io.oncallhq.incident.config;

import io.oncallhq.apisecurity.ApiCaller;
import io.oncallhq.contracts.Actor;

/**
 * Who acts through the REST API: the bearer token's owner, never a body (api-security refuses one that names it). A
 * JWT's user and a static token with a {@code responderId} act as that responder; any other static token is a system
 * (a script, the local run's admin) and acts as {@code Actor(api, <name>)}.
 */
public final class ApiClients {

    private ApiClients() {
    }

    /** A request without a caller cannot reach a write, so the fallback is only defensive. */
    public static Actor current() {
        return ApiCaller.current().map(ApiClients::actor).orElse(new Actor(Actor.API, "api", "API"));
    }

    /** The caller's name as people read it: what a write is credited to. */
    public static String currentName() {
        Actor actor = current();
        return actor.name() != null ? actor.name() : actor.id();
    }

    private static Actor actor(ApiCaller caller) {
        return caller.isResponder() ? Actor.responder(caller.responderId(), caller.name())
                : new Actor(Actor.API, caller.name(), caller.name());
    }
}
