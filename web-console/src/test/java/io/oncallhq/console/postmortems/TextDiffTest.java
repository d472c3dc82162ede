package io.oncallhq.console.postmortems;

import org.junit.jupiter.api.Test;

import static io.oncallhq.console.postmortems.TextDiff.Kind.ADDED;
import static io.oncallhq.console.postmortems.TextDiff.Kind.REMOVED;
import static io.oncallhq.console.postmortems.TextDiff.Kind.SAME;
import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    @Test
    void keepsTheCommonLinesAndMarksTheRest() {
        assertThat(TextDiff.lines("One\nTwo\nThree\nFour", "One\nTwo and a half\nThree\nFour\nFive")).containsExactly(
                new TextDiff.Line(SAME, "One"),
                new TextDiff.Line(REMOVED, "Two"),
                new TextDiff.Line(ADDED, "Two and a half"),
                new TextDiff.Line(SAME, "Three"),
                new TextDiff.Line(SAME, "Four"),
                new TextDiff.Line(ADDED, "Five"));
    }

    @Test
    void aTextFromNothingIsAllAddedAndToNothingAllRemoved() {
        assertThat(TextDiff.lines(null, "A\nB")).extracting(TextDiff.Line::kind).containsExactly(ADDED, ADDED);
        assertThat(TextDiff.lines("A\r\nB", "")).extracting(TextDiff.Line::kind).containsExactly(REMOVED, REMOVED);
        assertThat(TextDiff.changed(TextDiff.lines("Same\ntext", "Same\ntext"))).isFalse();
    }
}
