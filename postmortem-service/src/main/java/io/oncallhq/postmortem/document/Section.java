package io.oncallhq.postmortem.document;

import io.oncallhq.postmortem.drafting.GeneratedText;
import io.oncallhq.postmortem.drafting.IncidentFacts;

import java.time.Instant;

/**
 * One section of a post-mortem. Until someone edits it, its text is generated from the incident's facts and
 * regenerated when they change; once edited, it is the author's and no refresh touches it again.
 *
 * @param editedBy who edited it last, as the request named them; null while generated
 */
public record Section(String key, String heading, String guidance, String text, boolean edited, String editedBy,
                      Instant editedAt) {

    public Section {
        text = text == null ? "" : text;
        guidance = guidance == null ? "" : guidance;
    }

    static Section generated(String key, String heading, String guidance, IncidentFacts facts) {
        return new Section(key, heading, guidance, GeneratedText.forSection(key, facts), false, null, null);
    }

    Section regeneratedFrom(IncidentFacts facts) {
        return edited ? this : generated(key, heading, guidance, facts);
    }

    Section editedTo(String newText, String by, Instant now) {
        return new Section(key, heading, guidance, newText, true, by, now);
    }
}
