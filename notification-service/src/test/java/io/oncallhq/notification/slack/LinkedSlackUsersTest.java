package io.oncallhq.notification.slack;

import io.oncallhq.localruntime.MovableClock;
import io.oncallhq.notification.slack.IncidentDirectory.IncidentServiceUnavailableException;
import io.oncallhq.notification.slack.IncidentDirectory.Responder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LinkedSlackUsersTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Set<String> PAGED_BEFORE = Set.of("U0ALEX");

    private final MovableClock clock = MovableClock.frozenAt(Instant.parse("2026-12-06T09:00:00Z"));
    private List<Responder> responders = List.of(new Responder("alex", "Alex Rivera", "U0ALEX"),
            new Responder("kim", "Kim Park", "U0KIM"), new Responder("robin", "Robin Ng", null));
    private int askedForResponders;
    private boolean incidentServiceDown;

    private final LinkedSlackUsers linked = new LinkedSlackUsers(() -> {
        askedForResponders++;
        if (incidentServiceDown) {
            throw new IncidentServiceUnavailableException("GET /responders answered HTTP 503");
        }
        return responders;
    }, PAGED_BEFORE::contains, TTL, clock);

    @Test
    void aResponderOfTheDirectoryIsLinkedWithoutEverBeingPaged() {
        assertThat(linked.linked("U0KIM")).isTrue();
    }

    @Test
    void aSlackUserWithoutAResponderIsNotLinked() {
        assertThat(linked.linked("U0STRANGER")).isFalse();
        assertThat(linked.linked("")).isFalse();
    }

    @Test
    void aSlackUserPagedBeforeButNoLongerOnAResponderIsNotLinked() {
        responders = List.of(new Responder("kim", "Kim Park", "U0KIM"));

        assertThat(linked.linked("U0ALEX")).isFalse();
    }

    @Test
    void theDirectoryIsAskedOncePerCacheTime() {
        linked.linked("U0KIM");
        clock.advance(TTL.minusMillis(1));
        linked.linked("U0STRANGER");
        assertThat(askedForResponders).isEqualTo(1);

        responders = List.of(new Responder("sam", "Sam Lee", "U0SAM"));
        clock.advance(Duration.ofMillis(1));

        assertThat(linked.linked("U0SAM")).isTrue();
        assertThat(linked.linked("U0KIM")).isFalse();
        assertThat(askedForResponders).isEqualTo(2);
    }

    @Test
    void whileIncidentServiceCannotBeReachedASlackUserPagedBeforeIsLinkedAndNobodyElse() {
        incidentServiceDown = true;

        assertThat(linked.linked("U0ALEX")).isTrue();
        assertThat(linked.linked("U0KIM")).isFalse();
    }

    @Test
    void anOutageIsNotCachedIncidentServiceIsAskedAgainAtTheNextPress() {
        incidentServiceDown = true;
        linked.linked("U0KIM");
        incidentServiceDown = false;

        assertThat(linked.linked("U0KIM")).isTrue();
        assertThat(askedForResponders).isEqualTo(2);
    }
}
