package io.otodoke.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP (Spring's {@link JavaMailSender} on Angus Mail, configured by
 * {@code spring.mail.*}): HTML with a plain-text alternative, a List-Unsubscribe header with the
 * signed link and one-click unsubscribe (RFC 8058), and a Message-ID made from the notification's
 * idempotency key, so a mail sent again after a crash carries the same id and mail clients show it
 * once. Without {@code spring.mail.host} there is no sender: messages wait and are retried.
 */
@Component
class EmailChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final NotifyProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> sender, NotifyProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public String code() {
        return "email";
    }

    @Override
    public String invalidAddress(String address) {
        try {
            InternetAddress a = new InternetAddress(address, true);
            return a.getAddress().contains("@") && a.getPersonal() == null ? null : "give a plain address like name@example.jp";
        } catch (AddressException e) {
            return "not an e-mail address";
        }
    }

    @Override
    public Delivery send(Notification n) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return Delivery.retry("no SMTP server configured (spring.mail.host)");
        }
        try {
            MimeMessage m = mail.createMimeMessage();
            MimeMessageHelper h = new MimeMessageHelper(m, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            h.setFrom(properties.mail().from());
            h.setTo(n.address());
            h.setSubject(n.message().subject());
            h.setText(n.message().text(), n.message().html());
            m.setHeader("List-Unsubscribe", "<" + n.unsubscribeUrl() + ">");
            m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            // JavaMailSenderImpl keeps a Message-ID that was set; Angus would otherwise make a new one per try.
            m.setHeader("Message-ID", "<" + n.idempotencyKey() + "@" + domain() + ">");
            mail.send(m);
            return Delivery.sent();
        } catch (MailSendException e) {
            boolean addressRefused = e.getFailedMessages().values().stream()
                    .anyMatch(f -> f instanceof SendFailedException s && s.getInvalidAddresses() != null
                            && s.getInvalidAddresses().length > 0);
            // Never the address or the content in the log: personal data (docs/privacy.md).
            log.info("E-mail of notification {} not sent: {}", n.id(), addressRefused ? "address refused" : "send failed");
            return addressRefused ? Delivery.rejected("address refused by the SMTP server")
                    : Delivery.retry("SMTP send failed");
        } catch (MailException | MessagingException e) {
            log.info("E-mail of notification {} not sent: {}", n.id(), e.getClass().getSimpleName());
            return Delivery.retry(e.getClass().getSimpleName());
        }
    }

    private String domain() {
        try {
            String from = new InternetAddress(properties.mail().from()).getAddress();
            return from.substring(from.indexOf('@') + 1);
        } catch (AddressException e) {
            return "otodoke";
        }
    }
}
