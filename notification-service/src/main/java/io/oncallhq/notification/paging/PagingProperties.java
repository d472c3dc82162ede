package io.oncallhq.notification.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The sending loop ({@code notification.paging.*}, see {@link SendingPages}).
 *
 * @param senders      how many destinations are sent to at once (one message at a time each)
 * @param pollInterval how often the loop looks for pages stored by other instances and for sends that stopped midway
 * @param claimTimeout how long a claimed page may stay unsettled before the loop takes it up again (its instance died,
 *                     or the send hangs): longer than a send with all its retries takes
 * @param digest       when a storm's pages fold into one digest message
 */
@ConfigurationProperties("notification.paging")
record PagingProperties(int senders, Duration pollInterval, Duration claimTimeout, SendingOrder.DigestRule digest) {
}
