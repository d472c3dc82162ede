package io.oncallhq.notification.email;

import io.oncallhq.contracts.page.RecentChange;
import io.oncallhq.notification.paging.ChannelUnavailableException;
import io.oncallhq.notification.paging.Page;
import io.oncallhq.notification.paging.PageState;
import io.oncallhq.notification.paging.PagingChannel;
import io.oncallhq.notification.paging.PagingFailedException;
import io.oncallhq.notification.paging.SentPage;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Pages by e-mail over SMTP (Spring's {@link JavaMailSender}, {@code SPRING_MAIL_HOST} etc.): a plain-text message
 * with the service's recent changes and the incident link, to the contact rule's address or the responder's e-mail. Its {@code Message-ID} is made
 * from the page id, so a page sent twice is recognisable as one. One attempt per call: the server not answering (or
 * answering with a temporary error) is unavailability, a rejected recipient or login a refusal. A sent e-mail cannot
 * be changed, so updates do nothing.
 */
public final class EmailChannel implements PagingChannel {

    public static final String NAME = "email";

    private final JavaMailSender mail;
    private final String from;

    public EmailChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    /** {@code <page.<page id>@oncallhq>}: the same for every send of one page. */
    public static String messageId(Page page) {
        return "<page." + page.pageId() + "@oncallhq>";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SentPage send(Page page, String address) {
        String to = address != null ? address : page.responder() == null ? null : page.responder().email();
        if (to == null || to.isBlank()) {
            throw new PagingFailedException("responder has no e-mail address");
        }
        try {
            MimeMessage message = new PageMimeMessage(mail.createMimeMessage(), messageId(page));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(page.headline(), "UTF-8");
            message.setText(body(page), "UTF-8");
            mail.send(message);
        } catch (MessagingException e) {
            throw new PagingFailedException("e-mail to " + to + " could not be written: " + e.getMessage(), e);
        } catch (MailAuthenticationException e) {
            throw new PagingFailedException("SMTP login refused: " + e.getMessage(), e);
        } catch (MailSendException e) {
            throw sendFailure(to, e);
        } catch (MailException e) {
            throw new ChannelUnavailableException("e-mail failed: " + e.getMessage(), null, e);
        }
        return new SentPage(to, messageId(page));
    }

    @Override
    public void update(Page page, SentPage sent, PageState state) {
        // A sent e-mail cannot be changed afterwards.
    }

    /** A recipient the server rejected for good is a refusal; anything else (no connection, 4xx) may pass later. */
    private static PagingFailedException sendFailure(String to, MailSendException e) {
        boolean rejected = e.getFailedMessages().values().stream().anyMatch(failure ->
                failure instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                        && sendFailed.getInvalidAddresses().length > 0);
        return rejected ? new PagingFailedException("e-mail to " + to + " was rejected: " + e.getMessage(), e)
                : new ChannelUnavailableException("e-mail failed: " + e.getMessage(), null, e);
    }

    private static String body(Page page) {
        StringBuilder body = new StringBuilder(page.headline()).append("\n\n")
                .append("Service: ").append(page.serviceName()).append('\n')
                .append("Escalation level: ").append(page.level()).append('\n');
        if (page.responder() != null && page.responder().name() != null) {
            body.append("Paged: ").append(page.responder().name()).append('\n');
        }
        if (!page.recentChanges().isEmpty()) {
            body.append("\nRecent changes:\n");
            for (RecentChange change : page.recentChanges()) {
                body.append("- ").append(page.describe(change)).append('\n');
                if (change.href() != null) {
                    body.append("  ").append(change.href()).append('\n');
                }
            }
        }
        if (page.incidentUrl() != null) {
            body.append("\nOpen the incident to acknowledge it: ").append(page.incidentUrl()).append('\n');
        }
        return body.toString();
    }

    /** Keeps the page's own {@code Message-ID} instead of the random one Jakarta Mail sets on saving. */
    private static final class PageMimeMessage extends MimeMessage {

        private final String messageId;

        private PageMimeMessage(MimeMessage template, String messageId) {
            super(template.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
