package io.oncallhq.incident.configascode;

import io.oncallhq.incident.directory.TeamRequest;
import io.oncallhq.incident.configascode.OnCallDiff.Action;
import io.oncallhq.incident.configascode.OnCallDiff.Change;
import io.oncallhq.incident.configascode.OnCallDiff.FieldChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OnCallDiffTest {

    private static final TeamRequest PAYMENTS = new TeamRequest("Payments", List.of("alex"), "C0PAY");

    @Test
    void anObjectTheDatabaseLacksIsCreated() {
        List<Change> changes = OnCallDiff.of("team", Map.of(), Map.of("payments", PAYMENTS), false);

        assertThat(changes).containsExactly(new Change("team", "payments", Action.CREATED, List.of()));
    }

    @Test
    void anObjectEqualToTheStoredOneIsUnchangedEvenWhenItsListsAreOtherListTypes() {
        TeamRequest stored = new TeamRequest("Payments", List.copyOf(List.of("alex")), "C0PAY");
        TeamRequest wanted = new TeamRequest("Payments", new java.util.ArrayList<>(List.of("alex")), "C0PAY");

        assertThat(OnCallDiff.of("team", Map.of("payments", stored), Map.of("payments", wanted), false))
                .extracting(Change::action).containsExactly(Action.UNCHANGED);
    }

    @Test
    void aChangedObjectListsEachChangedFieldWithTheStoredAndTheNewValue() {
        TeamRequest wanted = new TeamRequest("Payments team", List.of("alex", "blake"), "C0PAY");

        Change change = OnCallDiff.of("team", Map.of("payments", PAYMENTS), Map.of("payments", wanted), false)
                .getFirst();

        assertThat(change.action()).isEqualTo(Action.CHANGED);
        assertThat(change.fields()).containsExactly(new FieldChange("name", "Payments", "Payments team"),
                new FieldChange("members", List.of("alex"), List.of("alex", "blake")));
    }

    @Test
    void storedObjectsTheDocumentDoesNotHoldAreDeletedOnlyWithPrune() {
        Map<String, TeamRequest> stored = Map.of("payments", PAYMENTS);

        assertThat(OnCallDiff.of("team", stored, Map.of(), false)).isEmpty();
        assertThat(OnCallDiff.of("team", stored, Map.of(), true))
                .containsExactly(new Change("team", "payments", Action.DELETED, List.of()));
    }
}
