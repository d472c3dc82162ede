package io.oncallhq.ingest.alertmanager;

import io.oncallhq.contracts.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LabelSeverityTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "critical, CRITICAL", "page, CRITICAL", "Critical, CRITICAL",
            "error, ERROR", "high, ERROR",
            "warning, WARNING", "warn, WARNING", "medium, WARNING",
            "info, INFO", "low, INFO", "none, INFO",
            "NULL, WARNING", "'', WARNING", "disaster, WARNING"})
    void commonSeverityLabelsMapOntoTheFourLevelsAndTheRestIsAWarning(String label, Severity expected) {
        assertThat(LabelSeverity.of(label).severity()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {"NULL, no severity label", "disaster, not a known value", "page, maps to critical"})
    void theRuleSaysWhy(String label, String reason) {
        assertThat(LabelSeverity.of(label).rule()).contains(reason);
    }
}
