package io.oncallhq.ingest.integration;

import io.oncallhq.ingest.integration.IntegrationAdminController.CreateIntegrationRequest;
import io.oncallhq.ingest.intake.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.oncallhq.ingest.integration.IntegrationFixtures.integration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GroupingTest {

    private static final String GROUP_KEY = "{}:{alertname=\"HighRequestLatency\"}";

    @Test
    void alertmanagerAndGrafanaIntegrationsGroupBySenderGroupUnlessAskedOtherwise() {
        assertThat(checked("alertmanager", null).grouping()).isEqualTo(Grouping.GROUP);
        assertThat(checked("grafana", null).grouping()).isEqualTo(Grouping.GROUP);
        assertThat(checked("alertmanager", "alert").grouping()).isEqualTo(Grouping.ALERT);
    }

    @ParameterizedTest
    @EnumSource(value = IntegrationType.class, names = {"GENERIC", "PAGERDUTY", "HEARTBEAT"})
    void integrationsWhoseSendersMakeNoGroupsKeepOneIncidentPerAlert(IntegrationType type) {
        assertThat(checked(type.wireName(), null).grouping()).isEqualTo(Grouping.ALERT);
        assertThat(checked(type.wireName(), "alert").grouping()).isEqualTo(Grouping.ALERT);

        InvalidIntegrationException refused = catchThrowableOfType(InvalidIntegrationException.class,
                () -> checked(type.wireName(), "group"));

        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("grouping");
    }

    @Test
    void anUnknownGroupingIsNamedWithEveryOtherFieldAtFault() {
        InvalidIntegrationException refused = catchThrowableOfType(InvalidIntegrationException.class,
                () -> new CreateIntegrationRequest(null, "Payments", "nagios", "by-host").checked());

        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder("serviceId", "type", "grouping");
    }

    @Test
    void anIntegrationWhoseSenderMakesNoGroupsCannotBeChangedToGroupByThem() {
        Integration generic = integration("payments-generic", "payments", IntegrationType.GENERIC, Grouping.ALERT, "k");

        InvalidIntegrationException refused = catchThrowableOfType(InvalidIntegrationException.class,
                () -> generic.withGrouping(Grouping.GROUP));

        assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("grouping");
    }

    @Test
    void theIncidentGroupIsTheIntegrationWithTheSendersGroupKey() {
        Integration grouping = integration("payments-prometheus", "payments", IntegrationType.ALERTMANAGER, Grouping.GROUP, "k");

        assertThat(grouping.incidentGroup(GROUP_KEY)).isEqualTo("payments-prometheus:" + GROUP_KEY);
        assertThat(grouping.incidentGroup(null)).as("no group named: each alert stands alone").isNull();
        assertThat(grouping.incidentGroup(" ")).isNull();
        assertThat(grouping.withGrouping(Grouping.ALERT).incidentGroup(GROUP_KEY)).isNull();
    }

    private static CreateIntegrationRequest.Checked checked(String type, String grouping) {
        return new CreateIntegrationRequest("payments", "Payments", type, grouping).checked();
    }
}
