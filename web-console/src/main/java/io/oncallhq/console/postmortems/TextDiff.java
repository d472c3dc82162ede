package io.oncallhq.console.postmortems;

import java.util.ArrayList;
import java.util.List;

/** Line by line, what changed between two texts: the longest common run of lines kept, the rest removed or added. */
final class TextDiff {

    private TextDiff() {
    }

    enum Kind { SAME, REMOVED, ADDED }

    public record Line(Kind kind, String text) {

        public String kindName() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Removed lines come before the lines added in their place. */
    static List<Line> lines(String before, String after) {
        List<String> a = split(before);
        List<String> b = split(after);
        // common[i][j]: the longest common subsequence of a[i..] and b[j..]
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add(new Line(Kind.SAME, a.get(i++)));
                j++;
            } else if (j == b.size() || (i < a.size() && common[i + 1][j] >= common[i][j + 1])) {
                lines.add(new Line(Kind.REMOVED, a.get(i++)));
            } else {
                lines.add(new Line(Kind.ADDED, b.get(j++)));
            }
        }
        return lines;
    }

    static boolean changed(List<Line> lines) {
        return lines.stream().anyMatch(line -> line.kind() != Kind.SAME);
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1));
    }
}
