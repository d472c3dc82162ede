package io.oncallhq.postmortem.history;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.IncidentAcknowledged;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.incident.IncidentReassigned;
import io.oncallhq.contracts.incident.IncidentResolved;
import io.oncallhq.contracts.incident.IncidentTriggered;
import io.oncallhq.contracts.incident.NoteAdded;
import io.oncallhq.contracts.incident.PageRecorded;
import io.oncallhq.contracts.incident.PagingSuppressed;
import io.oncallhq.contracts.incident.PriorityChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Priority changes, suppressed paging and reassignments, projected into the history whatever the delivery order. */
class IncidentHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Actor SAM = Actor.responder("sam", "Sam Lee");
    private static final Actor ALEX = Actor.responder("alex", "Alex Rivera");

    @Test
    void priorityChangesAreToldAsSetChangedOrCleared() {
        IncidentHistory history = project(events(
                new PriorityChanged("inc-1", null, "P2", SAM, at(60)),
                new PriorityChanged("inc-1", "P2", "P1", SAM, at(120)),
                new PriorityChanged("inc-1", "P1", null, null, at(180))));

        assertThat(texts(history)).containsExactly("Priority set to P2 by Sam Lee",
                "Priority changed from P2 to P1 by Sam Lee", "Priority P1 cleared");
        assertThat(history.priority()).isNull();
    }

    @Test
    void theLatestPriorityWinsWhateverOrderTheChangesArriveIn() {
        Map<String, IncidentEvent> changes = events(
                new PriorityChanged("inc-1", null, "P3", SAM, at(60)),
                new PriorityChanged("inc-1", "P3", "P1", ALEX, at(120)));
        List<Map.Entry<String, IncidentEvent>> reversed = new ArrayList<>(changes.entrySet());
        Collections.reverse(reversed);

        assertThat(project(changes).priority()).isEqualTo("P1");
        assertThat(project(reversed).priority()).isEqualTo("P1");
    }

    @Test
    void suppressedPagingSaysWhyNobodyWasPagedWithoutRepeatingItself() {
        IncidentHistory history = project(events(
                new PagingSuppressed("inc-1", "silence-7", "not paged: maintenance window \"db upgrade\"", at(0)),
                new PagingSuppressed("inc-1", "silence-8", null, at(30))));

        assertThat(texts(history)).containsExactly("Not paged: maintenance window \"db upgrade\"",
                "Nobody was paged: silence silence-8 matched the alert");
        assertThat(history.suppression().silenceId()).isEqualTo("silence-7");
    }

    @Test
    void aReassignmentNamesTheNewResponderAndWhoHandedItOver() {
        IncidentHistory history = project(events(
                new IncidentReassigned("inc-1", "kim", "Kim Park", SAM, at(60)),
                new IncidentReassigned("inc-1", "lee", null, null, at(120))));

        assertThat(texts(history)).containsExactly("Reassigned to Kim Park by Sam Lee", "Reassigned to lee");
        assertThat(history.entries()).extracting(TimelineEntry::kind).containsOnly(TimelineKind.REASSIGNED);
    }

    @Test
    void participantsAreThePeopleWhoWerePagedOrActedButNotTheSystem() {
        Map<String, IncidentEvent> incident = events(
                new IncidentTriggered("inc-1", 7, "checkout-api", "Checkout API", "payments", "Latency", Severity.ERROR,
                        "latency", at(0)),
                new PageRecorded("inc-1", "page-1", "alex", "Alex Rivera", 1, PageRecorded.DELIVERED, "slack", at(10)),
                new IncidentAcknowledged("inc-1", Actor.slackUser("U123", "alex.r"), at(60)),
                new IncidentReassigned("inc-1", "kim", "Kim Park", SAM, at(90)),
                new PageRecorded("inc-1", "page-2", "kim", "Kim Park", 1, PageRecorded.REQUESTED, null, at(91)),
                new NoteAdded("inc-1", SAM, "Failing over", at(120)),
                new IncidentResolved("inc-1", Actor.system("auto-resolve"), null, at(600)));
        List<Map.Entry<String, IncidentEvent>> shuffled = new ArrayList<>(incident.entrySet());
        Collections.shuffle(shuffled, new Random(6));

        IncidentHistory inOrder = project(incident);

        assertThat(inOrder.participants()).extracting(Participant::id).containsExactly("alex", "U123", "sam", "kim");
        assertThat(inOrder.participants()).extracting(Participant::name).containsExactly("Alex Rivera", "alex.r",
                "Sam Lee", "Kim Park");
        assertThat(project(shuffled)).usingRecursiveComparison().ignoringFields("version").isEqualTo(inOrder);
    }

    private static IncidentHistory project(Map<String, IncidentEvent> events) {
        return project(new ArrayList<>(events.entrySet()));
    }

    private static IncidentHistory project(List<Map.Entry<String, IncidentEvent>> events) {
        IncidentHistory history = IncidentHistory.empty("inc-1");
        for (Map.Entry<String, IncidentEvent> event : events) {
            history = history.apply(event.getKey(), event.getValue()).orElse(history);
        }
        return history;
    }

    /** Each event under an id of its own, in the order given. */
    private static Map<String, IncidentEvent> events(IncidentEvent... events) {
        Map<String, IncidentEvent> byId = new LinkedHashMap<>();
        for (int i = 0; i < events.length; i++) {
            byId.put("e" + (i + 1), events[i]);
        }
        return byId;
    }

    private static List<String> texts(IncidentHistory history) {
        return history.entries().stream().map(TimelineEntry::text).toList();
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }
}
