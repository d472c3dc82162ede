package io.oncallhq.notification.paging;

import io.oncallhq.contracts.page.ContactMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The channels this instance can page on: the primary one (Slack, or the console standing in for it), the signed
 * webhook and e-mail (each null when not configured), whether the webhook is the fallback for pages without contact
 * rules, and the team channel (none without Slack).
 */
public record PagingChannels(PagingChannel primary, PagingChannel webhook, PagingChannel email,
                             boolean webhookIsFallback, TeamChannel team) {

    /** Where to try to reach the paged responder, first choice first. */
    public ContactRoutes routesFor(Page page) {
        List<ContactMethod> rules = page.responder() == null ? List.of() : page.responder().contactRules();
        if (!rules.isEmpty()) {
            return new ContactRoutes(rules.stream()
                    .map(rule -> new ContactRoutes.Step(rule.channel(), rule.address())).toList(), true);
        }
        List<ContactRoutes.Step> steps = new ArrayList<>(List.of(new ContactRoutes.Step(ContactMethod.SLACK, null)));
        if (webhookIsFallback && webhook != null) {
            steps.add(new ContactRoutes.Step(ContactMethod.WEBHOOK, null));
        }
        return new ContactRoutes(steps, false);
    }

    /** The channel a contact rule names; a Slack rule goes to the console when Slack is not configured. */
    public Optional<PagingChannel> forRoute(String channel) {
        return Optional.ofNullable(switch (channel == null ? "" : channel) {
            case ContactMethod.SLACK -> primary;
            case ContactMethod.WEBHOOK -> webhook;
            case ContactMethod.EMAIL -> email;
            default -> null;
        });
    }

    public Optional<TeamChannel> teamChannel() {
        return Optional.ofNullable(team);
    }

    /** The active channel of that name: where an earlier page's message can be updated. */
    public Optional<PagingChannel> named(String name) {
        return Stream.of(primary, webhook, email).filter(Objects::nonNull)
                .filter(channel -> channel.name().equals(name)).findFirst();
    }
}
