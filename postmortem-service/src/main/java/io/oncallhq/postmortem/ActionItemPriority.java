package io.oncallhq.postmortem;

import java.util.Locale;

public enum ActionItemPriority {
    HIGH,
    MEDIUM,
    LOW;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
