package io.oncallhq.incident.config;

import io.oncallhq.apisecurity.ApiCaller;
import io.oncallhq.contracts.Actor;

/** Who acts through the REST API: the bearer token's caller (a static token's name, or a JWT's user). */
public final class ApiClients {

    private ApiClients() {
    }

    /** {@code Actor(api, <name>)}; a request without a caller cannot reach a write, so the fallback is only defensive. */
    public static Actor current() {
        return ApiCaller.current().map(caller -> new Actor(Actor.API, caller.name(), caller.name()))
                .orElse(new Actor(Actor.API, "api", "API"));
    }
}
