package io.oncallhq.postmortem.review;

import io.oncallhq.postmortem.actionitems.ActionItem;
import io.oncallhq.postmortem.actionitems.ActionItemStatus;
import io.oncallhq.postmortem.document.Postmortem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How review goes per team: how long from the incident's resolution to the first publication, and how many
 * action items are open and overdue.
 */
record ReviewMetrics(String teamId, int postmortems, int published, Long averageResolveToPublishedSeconds,
                     Long medianResolveToPublishedSeconds, int actionItemsOpen, int actionItemsOverdue) {

    static List<ReviewMetrics> perTeam(Collection<Postmortem> postmortems, Collection<ActionItem> items,
                                       LocalDate today) {
        Map<String, List<Postmortem>> byTeam = postmortems.stream()
                .collect(Collectors.groupingBy(postmortem -> team(postmortem.facts().teamId()), TreeMap::new,
                        Collectors.toList()));
        Map<String, List<ActionItem>> itemsByTeam = items.stream()
                .collect(Collectors.groupingBy(item -> team(item.teamId())));
        TreeSet<String> teams = new TreeSet<>(byTeam.keySet());
        teams.addAll(itemsByTeam.keySet());
        return teams.stream().map(team -> of(team, byTeam.getOrDefault(team, List.of()),
                itemsByTeam.getOrDefault(team, List.of()), today)).toList();
    }

    private static ReviewMetrics of(String team, List<Postmortem> postmortems, List<ActionItem> items, LocalDate today) {
        List<Long> waits = postmortems.stream()
                .filter(postmortem -> postmortem.facts().resolvedAt() != null && postmortem.firstPublishedAt().isPresent())
                .map(postmortem -> seconds(postmortem.facts().resolvedAt(), postmortem.firstPublishedAt().get()))
                .sorted().toList();
        Long average = waits.isEmpty() ? null : Math.round(waits.stream().mapToLong(Long::longValue).average().orElse(0));
        Long median = waits.isEmpty() ? null : waits.size() % 2 == 1 ? waits.get(waits.size() / 2)
                : (waits.get(waits.size() / 2 - 1) + waits.get(waits.size() / 2)) / 2;
        int open = (int) items.stream().filter(item -> item.status() == ActionItemStatus.OPEN).count();
        int overdue = (int) items.stream().filter(item -> item.isOverdueOn(today)).count();
        int published = (int) postmortems.stream().filter(postmortem -> postmortem.firstPublishedAt().isPresent()).count();
        return new ReviewMetrics(team, postmortems.size(), published, average, median, open, overdue);
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }

    private static String team(String teamId) {
        return teamId == null ? "(none)" : teamId;
    }
}
