package io.otodoke.notify;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.tracking.OrderView;
import io.otodoke.tracking.ShipmentRegistry;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LINE official account's webhook (docs/notifications.md, "The LINE channel"): a user who sends
 * their one-time code is linked and subscribed to their orders by LINE; a user who blocks the
 * account ({@code unfollow}) is unlinked and unsubscribed. Other events are ignored.
 */
@Service
public class LineAccount {

    /** What the webhook call was: not set up, a bad signature, a body that is not LINE's, or read. */
    public enum Outcome { NOT_CONFIGURED, INVALID_SIGNATURE, MALFORMED, READ }

    private static final Logger log = LoggerFactory.getLogger(LineAccount.class);
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LineProperties properties;
    private final LineChannel channel;
    private final LineLinks links;
    private final ShipmentRegistry registry;
    private final Subscriptions subscriptions;
    private final PreferenceStore preferences;

    LineAccount(LineProperties properties, LineChannel channel, LineLinks links, ShipmentRegistry registry,
                Subscriptions subscriptions, PreferenceStore preferences) {
        this.properties = properties;
        this.channel = channel;
        this.links = links;
        this.registry = registry;
        this.subscriptions = subscriptions;
        this.preferences = preferences;
    }

    /** @param signature the {@code x-line-signature} header: Base64 of HMAC-SHA256 over the raw body with the channel secret */
    public Outcome receive(byte[] body, String signature) {
        if (!properties.linkable()) {
            return Outcome.NOT_CONFIGURED;
        }
        if (signature == null || !MessageDigest.isEqual(signature.strip().getBytes(StandardCharsets.US_ASCII),
                sign(properties.channelSecret(), body).getBytes(StandardCharsets.US_ASCII))) {
            return Outcome.INVALID_SIGNATURE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return Outcome.MALFORMED;
        }
        if (root == null || !root.path("events").isArray()) {
            return Outcome.MALFORMED;
        }
        for (JsonNode event : root.path("events")) {
            String lineUser = event.path("source").path("userId").asString(null);
            if (lineUser == null) {
                continue; // a group or room: no one to link
            }
            switch (event.path("type").asString("")) {
                case "message" -> {
                    String text = event.path("message").path("type").asString("").equals("text")
                            ? event.path("message").path("text").asString("") : "";
                    code(text).ifPresent(code -> link(code, lineUser, event.path("replyToken").asString(null)));
                }
                case "unfollow" -> links.unlink(null, lineUser);
                default -> {
                }
            }
        }
        return Outcome.READ;
    }

    /** A six-digit code, also typed with full-width digits or spaces; nothing else is taken for one. */
    private static Optional<String> code(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s", "");
        return CODE.matcher(t).matches() ? Optional.of(t) : Optional.empty();
    }

    private void link(String code, String lineUser, String replyToken) {
        Optional<LineLinks.Claimant> claimant = links.redeem(code);
        String answer;
        if (claimant.isEmpty()) {
            answer = "このコードは見つからないか、有効期限（15分）が切れています。Otodoke の「通知の設定」で新しいコードを表示して、もう一度送ってください。\n"
                    + "This code is unknown or has expired (15 minutes). Show a new one under notification settings in Otodoke and send it again.";
        } else {
            long user = claimant.get().userId();
            links.link(user, lineUser);
            int orders = subscribeOrders(claimant.get(), lineUser);
            log.info("User {} linked their LINE; {} order(s) subscribed", user, orders);
            answer = "Otodoke と LINE を連携しました。ご注文 " + orders + " 件の配送のお知らせを LINE でお送りします。\n"
                    + "Otodoke is linked to your LINE: you get delivery news of your " + orders + " order(s) here.";
        }
        if (replyToken != null) {
            channel.reply(replyToken, answer);
        }
    }

    /**
     * Subscribes the user by LINE with their preferences to all their orders in their shop, those to
     * come too; how many orders they have now (a user of no shop has none).
     */
    private int subscribeOrders(LineLinks.Claimant who, String lineUser) {
        Caller shopper = new Caller(Role.SHOPPER, who.tenantId(), null, who.userId(), who.email(), "line-link");
        Preferences p = preferences.of(who.userId());
        List<OrderView> orders = who.tenantId() == null ? List.of() : registry.orders(shopper);
        if (who.tenantId() != null) {
            subscriptions.subscribe(new Subscriptions.NewSubscription(who.tenantId(), null, null, who.userId(),
                    who.email(), "line", lineUser, p.language(), p.milestones(), p.stopsAwayThreshold(), "line-link"));
        }
        return orders.size();
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
