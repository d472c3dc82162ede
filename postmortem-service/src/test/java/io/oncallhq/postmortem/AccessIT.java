package io.oncallhq.postmortem;

import io.oncallhq.apisecurity.OpenApiWalk;
import io.oncallhq.apisecurity.Role;
import io.oncallhq.apisecurity.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the service's own OpenAPI document, with no token and a token of each role. */
class AccessIT extends RunningPostmortemService {

    /** Reads for viewers, a team's template for admins, every other write for responders. */
    private static Optional<Role> required(OpenApiWalk.Operation operation) {
        if (operation.method().equals("GET")) {
            return Optional.of(Role.VIEWER);
        }
        return Optional.of(operation.path().startsWith("/teams/") ? Role.ADMIN : Role.RESPONDER);
    }

    @Test
    void viewersReadRespondersEditPostmortemsAndOnlyAdminsChangeATeamsTemplate() throws Exception {
        OpenApiWalk walk = new OpenApiWalk(URI.create("http://localhost:" + port));
        var operations = walk.operations();

        assertThat(operations).extracting(Object::toString)
                .contains("GET /postmortems", "PATCH /postmortems/{id}/sections/{section}", "PUT /teams/{teamId}/template");
        walk.check(operations, AccessIT::required, TestTokens.byRole());
    }
}
