package io.oncallhq.postmortem.template;

import io.oncallhq.contracts.Severity;

import java.util.List;

/**
 * The sections a team's post-mortems ask for: a short list for low-severity incidents (warning, info) and a
 * full one for high-severity incidents (critical, error).
 *
 * @param teamId the team, or null for the built-in default
 */
public record Template(String teamId, List<SectionTemplate> low, List<SectionTemplate> high) {

    public static final String SUMMARY = "summary";
    public static final String IMPACT = "impact";
    public static final String DETECTION = "detection";
    public static final String RESPONSE = "response";
    public static final String ROOT_CAUSE = "rootCause";
    public static final String WENT_WELL = "wentWell";
    public static final String WENT_BADLY = "wentBadly";
    public static final String GOT_LUCKY = "gotLucky";
    public static final String ACTION_ITEMS = "actionItems";

    private static final SectionTemplate SUMMARY_SECTION = new SectionTemplate(SUMMARY, "Summary",
            "What happened to which systems, for how long, and how it ended.");
    private static final SectionTemplate IMPACT_SECTION = new SectionTemplate(IMPACT, "Impact",
            "Who and what was affected, and how much: requests, customers, data.");
    private static final SectionTemplate ROOT_CAUSE_SECTION = new SectionTemplate(ROOT_CAUSE,
            "Root cause and contributing factors",
            "The conditions in systems and processes that made this possible. Ask why the system allowed it, "
                    + "not who did it: people acted reasonably on what they knew at the time.");
    private static final SectionTemplate ACTION_ITEMS_SECTION = new SectionTemplate(ACTION_ITEMS, "Action items",
            "Changes to systems and processes that make a repeat less likely or less harmful.");

    public Template {
        low = List.copyOf(low);
        high = List.copyOf(high);
    }

    public static Template builtIn() {
        return new Template(null,
                List.of(SUMMARY_SECTION, IMPACT_SECTION, ROOT_CAUSE_SECTION, ACTION_ITEMS_SECTION),
                List.of(SUMMARY_SECTION, IMPACT_SECTION,
                        new SectionTemplate(DETECTION, "Detection",
                                "How the problem was noticed and how long that took; which signals helped."),
                        new SectionTemplate(RESPONSE, "Response",
                                "The decisions taken during the response and the information they were based on."),
                        ROOT_CAUSE_SECTION,
                        new SectionTemplate(WENT_WELL, "What went well", "Tools, practices and decisions that helped."),
                        new SectionTemplate(WENT_BADLY, "What went badly",
                                "Where systems, tooling or processes made the response harder."),
                        new SectionTemplate(GOT_LUCKY, "Where we got lucky",
                                "What limited the damage by chance rather than by design."),
                        ACTION_ITEMS_SECTION));
    }

    /** Critical and error incidents (and unknown severities) get the full template; warning and info the short. */
    public List<SectionTemplate> sectionsFor(Severity severity) {
        return severity == Severity.WARNING || severity == Severity.INFO ? low : high;
    }

    public Template forTeam(String team) {
        return new Template(team, low, high);
    }
}
