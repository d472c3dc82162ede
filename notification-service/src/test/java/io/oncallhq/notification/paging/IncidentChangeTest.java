package io.oncallhq.notification.paging;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.incident.IncidentEscalated;
import io.oncallhq.contracts.incident.IncidentReassigned;
import io.oncallhq.contracts.incident.NoteAdded;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentChangeTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:20:00Z");
    private static final Actor SAM = Actor.responder("sam", "Sam Lee");

    @Test
    void anEscalationKeepsWhoAcknowledgedAndSaysToWhichLevel() {
        PageState acknowledged = PageState.acknowledged("Alex Rivera", AT.minusSeconds(60));
        IncidentChange escalated = IncidentChange.of(new IncidentEscalated("inc-1", 2, SAM, "requested", AT))
                .orElseThrow();

        PageState next = escalated.applyTo(acknowledged);

        assertThat(next.status()).isEqualTo(PageState.Status.ACKNOWLEDGED);
        assertThat(next.by()).isEqualTo("Alex Rivera");
        assertThat(next.latest()).isEqualTo(new IncidentChange(IncidentChange.Kind.ESCALATED, "Sam Lee", AT, "2"));
    }

    @Test
    void aReassignmentNamesTheNewResponder() {
        IncidentChange reassigned = IncidentChange.of(new IncidentReassigned("inc-1", "kim", "Kim Park", SAM, AT))
                .orElseThrow();

        assertThat(reassigned.detail()).isEqualTo("Kim Park");
        assertThat(reassigned.applyTo(PageState.OPEN).status()).isEqualTo(PageState.Status.OPEN);
    }

    @Test
    void aNoteIsNotShownOnPageMessages() {
        assertThat(IncidentChange.of(new NoteAdded("inc-1", SAM, "looking", AT))).isEmpty();
    }
}
