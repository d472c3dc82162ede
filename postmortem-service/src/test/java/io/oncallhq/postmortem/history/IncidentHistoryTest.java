package io.oncallhq.postmortem.history;

import io.oncallhq.contracts.Actor;
import io.oncallhq.contracts.Severity;
import io.oncallhq.contracts.incident.AlertAttached;
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
import static org.assertj.core.api.Assertions.tuple;

/**
 * Priority changes, suppressed paging, reassignments and bursts of attached alerts, projected into the history
 * whatever the delivery order.
 */
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

    @Test
    void alertsAttachedInABurstAreOneLineAndAPauseOfMoreThanAMinuteStartsTheNext() {
        List<Map.Entry<String, IncidentEvent>> incident = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            incident.add(Map.entry("storm-" + i, alert("pod-" + i, at(120 + 30 * i)))); // 10:02:00 to 10:07:00
        }
        incident.add(Map.entry("note", new NoteAdded("inc-1", SAM, "Scaling out", at(200))));
        incident.add(Map.entry("late", alert("disk", at(20 * 60))));

        IncidentHistory history = project(incident);

        assertThat(history.timeline()).extracting(TimelineEntry::text).containsExactly(
                "11 alerts attached between 10:02 and 10:07 UTC",
                "Note: Scaling out",
                "Alert attached: disk is failing (source: host-1)");
        assertThat(history.timeline().getFirst().eventId()).isEqualTo("storm-0");
        assertThat(history.alertCount()).isEqualTo(12);
        assertThat(history.startedAt()).contains(at(0));
    }

    @Test
    void burstsAreTheSameWhateverOrderTheAttachmentsArriveIn() {
        List<Map.Entry<String, IncidentEvent>> incident = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            incident.add(Map.entry("alert-" + i, alert("pod-" + i, at(i < 19 ? 10 * i : i == 19 ? 240 : 30 * i - 300))));
        }
        List<Map.Entry<String, IncidentEvent>> shuffled = new ArrayList<>(incident);
        Collections.shuffle(shuffled, new Random(19));
        // The attachment at 10:04 is a minute from the last before it and the first after it: without it, two bursts.
        List<Map.Entry<String, IncidentEvent>> withoutBridge = new ArrayList<>(incident);
        withoutBridge.remove(19);

        IncidentHistory inOrder = project(incident);

        assertThat(inOrder.timeline()).extracting(TimelineEntry::text)
                .containsExactly("40 alerts attached between 10:00 and 10:14 UTC");
        assertThat(project(shuffled)).usingRecursiveComparison().ignoringFields("version", "lastCountedAlertEvent")
                .isEqualTo(inOrder);
        assertThat(project(withoutBridge).timeline()).extracting(TimelineEntry::text).containsExactly(
                "19 alerts attached between 10:00 and 10:03 UTC", "20 alerts attached between 10:05 and 10:14 UTC");
    }

    @Test
    void anAlertIsCountedOnlyWhenTheStoreSaysItIsNewAndNotRightAfterCountingIt() {
        AlertAttached attached = alert("pod-1", at(60));
        IncidentHistory counted = IncidentHistory.empty("inc-1").attach("e1", attached, true).orElseThrow();

        assertThat(counted.alertCount()).isEqualTo(1);
        // A crash after the history counted it, before the store noted that: the store still says it is new.
        assertThat(counted.attach("e1", attached, true)).isEmpty();
        // Another attachment of an alert the incident has only tells an earlier start.
        assertThat(counted.attach("e2", alert("pod-1", at(90)), false)).isEmpty();
        AlertAttached startedEarlier = new AlertAttached("inc-1", "pod-1", "alertmanager", "pod-1 is failing",
                Severity.ERROR, "host-1", List.of(), T0.minusSeconds(60), at(90));
        IncidentHistory earlier = counted.attach("e3", startedEarlier, false).orElseThrow();
        assertThat(earlier.alertCount()).isEqualTo(1);
        assertThat(earlier.startedAt()).contains(T0.minusSeconds(60));
        assertThat(earlier.timeline()).hasSize(1);
    }

    @Test
    void aHistoryStoredWithItsAlertsInsideKeepsTheirCountAndFoldsTheirLines() {
        IncidentHistory legacy = IncidentHistory.empty("inc-1").apply("note", new NoteAdded("inc-1", SAM, "Looking",
                at(150))).orElseThrow();
        List<TimelineEntry> entries = new ArrayList<>(legacy.entries());
        entries.add(new TimelineEntry("a1", at(100), TimelineKind.ALERT_ATTACHED, null, "Alert attached: a"));
        entries.add(new TimelineEntry("a2", at(130), TimelineKind.ALERT_ATTACHED, null, "Alert attached: b"));
        entries.add(new TimelineEntry("a3", at(900), TimelineKind.ALERT_ATTACHED, null, "Alert attached: c"));
        legacy = new IncidentHistory("inc-1", null, null, null, null, null, null, null, at(0), null, null, null, null,
                null, null, null, null, 0, null, null, null, List.of(), List.of(), entries, 3);
        List<IncidentAlert> held = List.of(
                new IncidentAlert("a", "a", Severity.ERROR, null, List.of(), at(-30)),
                new IncidentAlert("b", "b", Severity.ERROR, null, List.of(), null),
                new IncidentAlert("c", "c", Severity.ERROR, null, List.of(), at(880)));

        IncidentHistory moved = legacy.withAlertsMovedOut(held);

        assertThat(moved.alertCount()).isEqualTo(3);
        assertThat(moved.startedAt()).contains(at(-30));
        assertThat(moved.entries()).extracting(TimelineEntry::kind).containsExactly(TimelineKind.NOTE);
        assertThat(moved.timeline()).extracting(TimelineEntry::eventId, TimelineEntry::text).containsExactly(
                tuple("a1", "2 alerts attached between 10:01 and 10:02 UTC"),
                tuple("note", "Note: Looking"),
                tuple("a3", "Alert attached: c"));
        assertThat(moved.version()).isEqualTo(3);
    }

    private static AlertAttached alert(String dedupKey, Instant at) {
        String summary = dedupKey.equals("disk") ? "disk is failing" : dedupKey + " is failing";
        return new AlertAttached("inc-1", dedupKey, "alertmanager", summary, Severity.ERROR, "host-1", List.of(), T0, at);
    }

    private static IncidentHistory project(Map<String, IncidentEvent> events) {
        return project(new ArrayList<>(events.entrySet()));
    }

    private static IncidentHistory project(List<Map.Entry<String, IncidentEvent>> events) {
        IncidentHistory history = IncidentHistory.empty("inc-1");
        for (Map.Entry<String, IncidentEvent> event : events) {
            history = (event.getValue() instanceof AlertAttached attached
                    ? history.attach(event.getKey(), attached, true)
                    : history.apply(event.getKey(), event.getValue())).orElse(history);
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
