package io.oncallhq.postmortem;

import java.util.List;

/** The parts of a post-mortem that people write. Regenerating the facts never touches them. */
public record Sections(String summary, String impact, String rootCause, List<ActionItem> actionItems) {

    public Sections {
        actionItems = List.copyOf(actionItems);
    }

    static Sections empty() {
        return new Sections("", "", "", List.of());
    }
}
