package io.oncallhq.postmortem.actionitems;

import java.util.Locale;

public enum ActionItemStatus {
    OPEN,
    DONE,
    WONT_DO;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
