package io.oncallhq.notification.paging;

import io.oncallhq.contracts.cloudevents.CloudEventCodec;
import io.oncallhq.contracts.incident.IncidentEvent;
import io.oncallhq.contracts.page.PageEvent;
import io.oncallhq.contracts.page.PageRequested;
import io.oncallhq.contracts.page.PageUnroutable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * The {@code pages} and {@code incidents} topics (bindings {@code pages-in-0}, {@code teamChannelPages-in-0},
 * {@code incidents-in-0}). A handler failure is retried by the binding, then dead-lettered. A page request is only
 * stored by {@code pages}, so its offset is committed once the page is durable; the sending loop sends it. The team
 * channel's message is posted by a consumer group of its own, which waits for the team channel's pace (about one
 * message a second per channel) without holding up the storing of the pages behind it.
 */
@Configuration(proxyBeanMethods = false)
class PagingBindings {

    private static final Logger log = LoggerFactory.getLogger(PagingBindings.class);

    @Bean
    Consumer<Message<byte[]>> pages(CloudEventCodec codec, DeliveringPages delivering, SendingPages sending) {
        return message -> codec.decode(message, PageEvent.class).ifPresentOrElse(received -> {
            switch (received.data()) {
                case PageRequested requested -> sending.wake(delivering.accept(requested));
                case PageUnroutable ignored -> {
                    // nothing to send to a responder: the team channel's consumer tells the team
                }
            }
        }, () -> log.debug("Skipping a pages message of a type this service does not know"));
    }

    @Bean
    Consumer<Message<byte[]>> teamChannelPages(CloudEventCodec codec, PostingToTeamChannels teamChannels) {
        return message -> codec.decode(message, PageEvent.class).ifPresentOrElse(received -> {
            switch (received.data()) {
                case PageRequested requested -> teamChannels.handle(Page.of(requested), requested.teamChannel());
                case PageUnroutable unroutable -> teamChannels.unroutable(received.id(), unroutable);
            }
        }, () -> log.debug("Skipping a pages message of a type this service does not know"));
    }

    @Bean
    Consumer<Message<byte[]>> incidents(CloudEventCodec codec, UpdatingPageMessages updating) {
        return message -> codec.decode(message, IncidentEvent.class).ifPresentOrElse(updating::handle,
                () -> log.debug("Skipping an incidents message of a type this service does not know"));
    }
}
