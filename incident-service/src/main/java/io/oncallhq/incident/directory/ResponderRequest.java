package io.oncallhq.incident.directory;

import io.oncallhq.contracts.page.ContactMethod;
import io.oncallhq.incident.schedule.TimeZoneNames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * A responder as written through {@code PUT /responders/{id}} or in an on-call configuration document.
 *
 * @param contactRules first choice first; empty: Slack, then e-mail
 */
public record ResponderRequest(@NotBlank @Size(max = 200) String name,
                               @NotBlank @Email String email,
                               @NotBlank String timeZone,
                               @Pattern(regexp = SLACK_USER_ID, message = "must be a Slack user id such as U0123ABCD")
                               String slackUserId,
                               @Size(max = 10) List<@Valid @NotNull ContactRuleRequest> contactRules,
                               @Valid WorkingHoursRequest workingHours) {

    static final String SLACK_USER_ID = "[UW][A-Z0-9]{1,20}";

    public ResponderRequest {
        contactRules = contactRules == null ? List.of() : contactRules;
    }

    /** Checked here so that an unknown zone is listed with the other field errors. */
    @AssertTrue(message = "must be an IANA time zone such as Europe/Berlin")
    public boolean isTimeZoneKnown() {
        return TimeZoneNames.isKnownOrBlank(timeZone);
    }

    public ResponderRequest withSlackUserId(String newSlackUserId) {
        return new ResponderRequest(name, email, timeZone, newSlackUserId, contactRules, workingHours);
    }

    public Responder toResponder(String id) {
        return new Responder(id, name, email, timeZone, slackUserId,
                contactRules.stream().map(rule -> new ContactRule(rule.channel(), rule.address())).toList(),
                workingHours == null ? null : new WorkingHours(workingHours.days(), workingHours.start(),
                        workingHours.end()));
    }

    /** The request that writes {@code responder} as it is stored (declared contact rules, not the defaults). */
    public static ResponderRequest of(Responder responder) {
        WorkingHours hours = responder.workingHours();
        return new ResponderRequest(responder.name(), responder.email(), responder.timeZone(),
                responder.slackUserId(), responder.contactRules().stream()
                .map(rule -> new ContactRuleRequest(rule.channel(), rule.address())).toList(),
                hours == null ? null : new WorkingHoursRequest(hours.days(), hours.startTime(), hours.endTime()));
    }

    /** @param channel {@code slack}, {@code webhook} or {@code email} */
    public record ContactRuleRequest(@NotNull @Pattern(regexp = "slack|webhook|email",
            message = "must be slack, webhook or email") String channel, @NotBlank @Size(max = 2000) String address) {

        @AssertTrue(message = "must be a Slack user id for slack, an http(s) URL for webhook, an address for email")
        public boolean isAddressFitForChannel() {
            if (channel == null || address == null || address.isBlank()) {
                return true;
            }
            return switch (channel) {
                case ContactMethod.SLACK -> address.matches(SLACK_USER_ID);
                case ContactMethod.EMAIL -> address.matches("[^@\\s]+@[^@\\s]+");
                case ContactMethod.WEBHOOK -> isHttpUrl(address);
                default -> true;
            };
        }

        private static boolean isHttpUrl(String address) {
            try {
                URI uri = URI.create(address);
                return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** @param end at or before {@code start}: the window runs past midnight */
    public record WorkingHoursRequest(@NotEmpty List<@NotNull DayOfWeek> days, @NotNull LocalTime start,
                                      @NotNull LocalTime end) {

        @AssertTrue(message = "must differ from start")
        public boolean isEndDifferentFromStart() {
            return start == null || !start.equals(end);
        }
    }
}
