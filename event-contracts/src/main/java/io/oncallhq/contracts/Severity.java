package io.oncallhq.contracts;

/** Alert and incident severity, the four levels of the PagerDuty Events API v2. */
public enum Severity {
    CRITICAL, ERROR, WARNING, INFO
}
