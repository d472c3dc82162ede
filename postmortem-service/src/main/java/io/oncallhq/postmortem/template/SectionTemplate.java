package io.oncallhq.postmortem.template;

/**
 * One section a post-mortem asks for.
 *
 * @param key      the stable name used in the API ({@code rootCause}); unique within a template
 * @param heading  the heading people read ({@code Root cause and contributing factors})
 * @param guidance what to write, phrased blamelessly (systems and decisions, not people's faults)
 */
public record SectionTemplate(String key, String heading, String guidance) {
}
