package io.oncallhq.notification.slack;

import io.oncallhq.contracts.Actor;
import io.oncallhq.notification.paging.PageDeliveries;
import io.oncallhq.notification.slack.IncidentDirectory.IncidentServiceUnavailableException;
import io.oncallhq.notification.slack.IncidentDirectory.IncidentSummary;
import io.oncallhq.notification.slack.IncidentDirectory.Responder;
import io.oncallhq.notification.slack.IncidentDirectory.ServiceSummary;
import io.oncallhq.notification.slack.IncidentDirectory.Team;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /incident ack|escalate|resolve <id|number>}, {@code /incident list}, {@code /incident oncall [team]},
 * {@code /incident gaps}: the text of the ephemeral answer. Acknowledge, escalate and resolve publish a command (once per
 * Slack request, like button presses) and need the user to be linked ({@link LinkedSlackUsers}); list, oncall and gaps
 * read incident-service.
 */
@Service
class AnsweringSlashCommands {

    static final String USAGE = """
            Usage: `/incident ack <id|number>`, `/incident escalate <id|number>`, `/incident resolve <id|number>`, \
            `/incident list` (your open incidents), `/incident oncall [team]`, \
            `/incident gaps` (when your team's services would page nobody)""";
    /** An ephemeral message stays readable; the rest is in {@code GET /services/{id}/coverage}. */
    private static final int MOST_GAPS_LISTED = 20;
    private static final String UNAVAILABLE = "incident-service is not reachable right now, so this cannot be "
            + "looked up. Try again in a moment";

    private final HandledSlackRequests handled;
    private final LinkedSlackUsers linked;
    private final PageDeliveries deliveries;
    private final IncidentCommands commands;
    private final IncidentDirectory directory;
    private final Clock clock;

    AnsweringSlashCommands(HandledSlackRequests handled, LinkedSlackUsers linked, PageDeliveries deliveries,
                           IncidentCommands commands, IncidentDirectory directory, Clock clock) {
        this.handled = handled;
        this.linked = linked;
        this.deliveries = deliveries;
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    String answer(SlashCommand command) {
        String[] words = command.text().split("\\s+", 2);
        String verb = words[0].toLowerCase(Locale.ROOT);
        String argument = words.length > 1 ? words[1].trim() : "";
        return switch (verb) {
            case "ack", "acknowledge" -> act(command, argument, IncidentAction.ACKNOWLEDGE);
            case "escalate" -> act(command, argument, IncidentAction.ESCALATE);
            case "resolve" -> act(command, argument, IncidentAction.RESOLVE);
            case "list" -> myOpenIncidents(command.userId());
            case "oncall" -> onCall(argument);
            case "gaps" -> coverageGaps(command.userId());
            default -> USAGE;
        };
    }

    private String act(SlashCommand command, String reference, IncidentAction action) {
        if (reference.isBlank()) {
            return USAGE;
        }
        if (!linked.linked(command.userId())) {
            return PressingButtons.HOW_TO_LINK.formatted(command.userId());
        }
        String incidentId;
        try {
            Optional<String> found = incidentId(reference);
            if (found.isEmpty()) {
                return "There is no incident " + reference + ".";
            }
            incidentId = found.get();
        } catch (IncidentServiceUnavailableException e) {
            return UNAVAILABLE + ", or use the incident id instead of its number.";
        }
        String stale = action.staleness(deliveries.incidentState(incidentId));
        if (stale != null) {
            return stale;
        }
        Instant now = clock.instant();
        String key = command.deliveryKey();
        if (!handled.claim(key, command.userId(), command.text(), now)) {
            return "This command was handled already.";
        }
        try {
            commands.publish(action.command(incidentId, Actor.slackUser(command.userId(), command.userName()), now));
        } catch (CommandNotPublishedException e) {
            handled.release(key);
            return "The command could not be passed on (the message broker did not take it); nothing happened. "
                    + "Please try again.";
        }
        return action.doing() + " incident " + reference
                + ". The page message will show it once incident-service has recorded it.";
    }

    /** {@code 42} or {@code #42} is a number, looked up in incident-service; anything else is an incident id. */
    private Optional<String> incidentId(String reference) {
        String bare = reference.startsWith("#") ? reference.substring(1) : reference;
        if (!bare.isEmpty() && bare.chars().allMatch(Character::isDigit)) {
            return directory.incidentByNumber(Long.parseLong(bare)).map(IncidentSummary::id);
        }
        return Optional.of(reference);
    }

    private String myOpenIncidents(String slackUserId) {
        Set<String> mine = deliveries.incidentsPagedTo(slackUserId);
        List<IncidentSummary> open;
        try {
            open = Stream.concat(directory.incidents("triggered").stream(), directory.incidents("acknowledged").stream())
                    .filter(incident -> mine.contains(incident.id())).toList();
        } catch (IncidentServiceUnavailableException e) {
            return UNAVAILABLE + ".";
        }
        if (open.isEmpty()) {
            return "You have no open incidents.";
        }
        return "Your open incidents:\n" + open.stream()
                .map(incident -> "• #" + incident.number() + " " + incident.title() + " (" + incident.serviceName()
                        + ") — " + incident.status().toLowerCase(Locale.ROOT) + ", id `" + incident.id() + "`")
                .collect(Collectors.joining("\n"));
    }

    /**
     * The coverage gaps of the next 4 weeks in the services of the caller's teams: the caller is the responder with
     * their Slack user id, their teams those listing them as a member.
     */
    private String coverageGaps(String slackUserId) {
        try {
            Optional<Responder> caller = directory.responders().stream()
                    .filter(responder -> slackUserId.equals(responder.slackUserId())).findFirst();
            if (caller.isEmpty()) {
                return "No responder has your Slack member ID (" + slackUserId + "), so your team is not known. Ask an "
                        + "admin to put it on your responder in incident-service.";
            }
            List<Team> teams = directory.teams().stream()
                    .filter(team -> team.members().contains(caller.get().id())).toList();
            if (teams.isEmpty()) {
                return "You are not a member of any team, so there are no services of yours to look at.";
            }
            Set<String> teamIds = teams.stream().map(Team::id).collect(Collectors.toSet());
            List<ServiceSummary> services = directory.services().stream()
                    .filter(service -> teamIds.contains(service.teamId())).toList();
            List<String> gaps = services.stream().flatMap(service -> directory.coverageGaps(service.id()).stream())
                    .toList();
            String teamNames = teams.stream().map(Team::name).collect(Collectors.joining(", "));
            if (gaps.isEmpty()) {
                return "No coverage gaps in the next 4 weeks for " + teamNames + ": every level of "
                        + services.size() + (services.size() == 1 ? " service" : " services") + " has someone on call.";
            }
            String more = gaps.size() > MOST_GAPS_LISTED
                    ? "\n…and " + (gaps.size() - MOST_GAPS_LISTED) + " more (GET /services/{id}/coverage)" : "";
            return "Coverage gaps in the next 4 weeks for " + teamNames + ":\n" + gaps.stream().limit(MOST_GAPS_LISTED)
                    .map(gap -> "• " + PageMessage.escape(gap)).collect(Collectors.joining("\n")) + more;
        } catch (IncidentServiceUnavailableException e) {
            return UNAVAILABLE + ".";
        }
    }

    /** Level 1 of each service's escalation policy: who gets paged first. */
    private String onCall(String teamReference) {
        List<ServiceSummary> services;
        Map<String, Responder> responders;
        List<Team> teams;
        try {
            services = directory.services();
            responders = directory.responders().stream().collect(Collectors.toMap(Responder::id, Function.identity()));
            teams = directory.teams();
        } catch (IncidentServiceUnavailableException e) {
            return UNAVAILABLE + ".";
        }
        Optional<Team> team = teams.stream().filter(candidate -> teamReference.equalsIgnoreCase(candidate.id())
                || teamReference.equalsIgnoreCase(candidate.name())).findFirst();
        if (!teamReference.isBlank() && team.isEmpty()) {
            return "There is no team " + teamReference + ". Teams: "
                    + teams.stream().map(Team::id).collect(Collectors.joining(", ")) + ".";
        }
        List<String> lines = services.stream()
                .filter(service -> team.isEmpty() || team.get().id().equals(service.teamId()))
                .map(service -> "• *" + service.name() + "*: " + firstLevel(service, responders))
                .toList();
        String heading = team.map(found -> "On call for " + found.name() + ":").orElse("On call:");
        return lines.isEmpty() ? heading + " no services." : heading + "\n" + String.join("\n", lines);
    }

    private String firstLevel(ServiceSummary service, Map<String, Responder> responders) {
        return service.levels().stream().filter(level -> level.level() == 1).findFirst()
                .map(level -> Stream.concat(
                        level.responderIds().stream().map(id -> named(id, responders)),
                        level.scheduleIds().stream().map(id -> onSchedule(id, responders)))
                        .collect(Collectors.joining(", ")))
                .filter(names -> !names.isBlank())
                .orElse("nobody (no escalation policy)");
    }

    private String onSchedule(String scheduleId, Map<String, Responder> responders) {
        try {
            return directory.onCallNow(scheduleId).map(id -> named(id, responders) + " (schedule " + scheduleId + ")")
                    .orElse("nobody on schedule " + scheduleId + " right now");
        } catch (IncidentServiceUnavailableException e) {
            return "whoever is on schedule " + scheduleId;
        }
    }

    private static String named(String responderId, Map<String, Responder> responders) {
        return Optional.ofNullable(responders.get(responderId)).map(AnsweringSlashCommands::mention).orElse(responderId);
    }

    private static String mention(Responder responder) {
        return responder.slackUserId() == null || responder.slackUserId().isBlank() ? responder.name()
                : responder.name() + " (<@" + responder.slackUserId() + ">)";
    }
}
