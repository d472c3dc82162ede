package io.oncallhq.postmortem.actionitems;

import java.util.Locale;

public enum ActionItemPriority {
    HIGH,
    MEDIUM,
    LOW;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
