package io.otodoke.notify;

import io.otodoke.account.Accounts;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.UserAccount;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells a shop's operators by e-mail that something of theirs needs them (a webhook endpoint was
 * disabled): at once, once, in Japanese and English, to every enabled operator of the tenant.
 * Best effort: the audit log and the page say it too, so a mail that cannot be sent is only logged.
 */
@Component
class OperatorAlerts {

    private static final Logger log = LoggerFactory.getLogger(OperatorAlerts.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final Accounts accounts;
    private final NotifyProperties properties;

    OperatorAlerts(ObjectProvider<JavaMailSender> sender, Accounts accounts, NotifyProperties properties) {
        this.sender = sender;
        this.accounts = accounts;
        this.properties = properties;
    }

    void webhookDisabled(long tenantId, long endpointId, String url, String why) {
        String page = properties.baseUrl() + "/webhooks";
        send(tenantId, "【Otodoke】Webhook の送信先を停止しました / Webhook endpoint disabled", """
                Webhook の送信先 %1$s（ID %2$d）を停止しました: %3$s
                この送信先へのお知らせは送られません。受信側を直してから、%4$s で削除して登録し直してください。

                The webhook endpoint %1$s (id %2$d) was disabled: %3$s
                No more messages go to it. Fix the receiver, then delete it and add it again at %4$s.
                """.formatted(url, endpointId, why, page));
    }

    private void send(long tenantId, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        List<String> to = accounts.users(new Caller(Role.OPERATOR, tenantId, null, null, null, "system")).stream()
                .filter(u -> u.role() == Role.OPERATOR && !u.disabled() && u.email() != null)
                .map(UserAccount::email).toList();
        if (mail == null || to.isEmpty()) {
            log.info("No operator alert e-mail for tenant {}: {}", tenantId, mail == null ? "no SMTP server" : "no operator");
            return;
        }
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(properties.mail().from());
        m.setTo(to.toArray(String[]::new));
        m.setSubject(subject);
        m.setText(text);
        try {
            mail.send(m);
        } catch (MailException e) {
            log.warn("Operator alert e-mail for tenant {} not sent: {}", tenantId, e.getClass().getSimpleName());
        }
    }
}
