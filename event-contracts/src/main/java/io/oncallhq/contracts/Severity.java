package io.oncallhq.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Alert and incident severity, the four levels of the PagerDuty Events API v2, lower-case on the wire. */
public enum Severity {
    @JsonProperty("critical") CRITICAL,
    @JsonProperty("error") ERROR,
    @JsonProperty("warning") WARNING,
    @JsonProperty("info") INFO
}
