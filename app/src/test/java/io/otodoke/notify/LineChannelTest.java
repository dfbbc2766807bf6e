package io.otodoke.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The LINE channel's rules that need no server: addresses, retry keys, the length limit, LINE's answers. */
class LineChannelTest {

    static final String USER = "U4af4980629d8f9f0e6c6e6d6d0c0b0a1";

    static Notification notification(String language, String subject, Map<String, String> data) {
        return new Notification(7, "otodoke-notification-7", 1, 2, Milestone.DELIVERY_ATTEMPTED, USER, language,
                new Message(subject, "mail text", "<p>mail</p>", "https://redelivery.example/", data),
                "http://otodoke.test/unsubscribe/1.sig");
    }

    @Test
    void withoutATokenLineIsNotAvailable() {
        LineChannel off = new LineChannel(new LineProperties(null, " ", null, null, null));
        assertThat(off.invalidAddress(USER)).contains("otodoke.notify.line.channel-access-token");
        assertThat(off.send(notification("ja", "s", Map.of())).outcome()).isEqualTo(Delivery.Outcome.RETRY);
        assertThat(new LineProperties(null, "secret-token", null, "channel-secret", null).toString())
                .doesNotContain("secret-token", "channel-secret");
    }

    @Test
    void anAddressIsALineUserId() {
        LineChannel on = new LineChannel(new LineProperties(null, "t", null, null, null));
        assertThat(on.invalidAddress(USER)).isNull();
        assertThat(on.invalidAddress("someone@example.jp")).isNotNull();
        assertThat(on.invalidAddress("@otodoke")).isNotNull(); // a LINE id people type is not a user id
    }

    @Test
    void everyTryOfANotificationHasTheSameRetryKeyAndOtherNotificationsAnother() {
        assertThat(LineChannel.retryKey("otodoke-notification-7")).isEqualTo(LineChannel.retryKey("otodoke-notification-7"))
                .isNotEqualTo(LineChannel.retryKey("otodoke-notification-8"));
        assertThat(LineChannel.retryKey("otodoke-notification-7").toString()).matches("[0-9a-f-]{36}");
    }

    @Test
    void theTextSaysWhatToDoAndLinksTheRedeliveryPage() {
        String text = LineChannel.text(notification("en", "We missed you: arrange a redelivery of Yamato 1234",
                Map.of("redeliveryUrl", "https://redelivery.example/")));
        assertThat(text).isEqualTo("""
                We missed you: arrange a redelivery of Yamato 1234

                Arrange a redelivery: https://redelivery.example/
                Unsubscribe: http://otodoke.test/unsubscribe/1.sig""");
    }

    @Test
    void aTextLongerThanLineTakesIsCutWithoutSplittingACharacter() {
        String text = LineChannel.text(notification("ja", "📦".repeat(3000), Map.of()));
        assertThat(text.length()).isLessThanOrEqualTo(LineChannel.MAX_TEXT);
        assertThat(text).endsWith("📦…");
    }

    @Test
    void lineAnswers() {
        assertThat(LineChannel.outcome(1, 200).outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(LineChannel.outcome(1, 409).outcome()).isEqualTo(Delivery.Outcome.SENT);
        assertThat(LineChannel.outcome(1, 400).outcome()).isEqualTo(Delivery.Outcome.REJECTED);
        assertThat(LineChannel.outcome(1, 401).outcome()).isEqualTo(Delivery.Outcome.RETRY);
        assertThat(LineChannel.outcome(1, 403).outcome()).isEqualTo(Delivery.Outcome.RETRY);
        assertThat(LineChannel.outcome(1, 429).outcome()).isEqualTo(Delivery.Outcome.RETRY);
        assertThat(LineChannel.outcome(1, 503).outcome()).isEqualTo(Delivery.Outcome.RETRY);
    }
}
