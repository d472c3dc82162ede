package io.oncallhq.postmortem.review;

import io.oncallhq.postmortem.actionitems.ActionItem;
import io.oncallhq.postmortem.document.Section;
import io.oncallhq.postmortem.drafting.IncidentFacts;
import io.oncallhq.postmortem.timeline.TimelineCuration;

import java.time.Instant;
import java.util.List;

/** A published revision, frozen as it was read at publication: it never changes afterwards. */
public record PublishedVersion(int number, Instant publishedAt, String publishedBy, String title,
                               IncidentFacts facts, List<Section> sections, TimelineCuration timeline,
                               List<ActionItem> actionItems) {

    public PublishedVersion {
        sections = List.copyOf(sections);
        timeline = timeline == null ? TimelineCuration.none() : timeline;
        actionItems = List.copyOf(actionItems);
    }
}
