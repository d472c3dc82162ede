package io.oncallhq.console.postmortems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A published version against the post-mortem as it is now: the title and each section line by line (the Markdown as
 * written, so what a reader sees as changed is what someone typed).
 *
 * @param sections the current sections in their order, then those the version had and the text no longer has
 */
record VersionComparison(List<TextDiff.Line> title, List<SectionChanges> sections) {

    public record SectionChanges(String heading, List<TextDiff.Line> lines) {

        public boolean changed() {
            return TextDiff.changed(lines);
        }
    }

    public boolean titleChanged() {
        return TextDiff.changed(title);
    }

    static VersionComparison of(Postmortem published, Postmortem current) {
        Map<String, Postmortem.Section> before = published.sections().stream()
                .collect(Collectors.toMap(Postmortem.Section::key, Function.identity(), (a, b) -> a));
        List<SectionChanges> sections = new ArrayList<>();
        for (Postmortem.Section now : current.sections()) {
            Postmortem.Section then = before.remove(now.key());
            sections.add(new SectionChanges(now.heading(), TextDiff.lines(then == null ? null : then.text(), now.text())));
        }
        published.sections().stream().filter(then -> before.containsKey(then.key()))
                .forEach(then -> sections.add(new SectionChanges(then.heading(), TextDiff.lines(then.text(), null))));
        return new VersionComparison(TextDiff.lines(published.title(), current.title()), sections);
    }
}
