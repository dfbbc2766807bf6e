package io.otodoke.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.IncomingEvent;
import io.otodoke.tracking.OrderDetails;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentRegistration;
import io.otodoke.tracking.ShipmentRegistry;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingIngest;
import io.otodoke.tracking.TrackingStatus;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A shop with one shipment in an order, events for it, and the mails GreenMail received. */
class NotifyWorld {

    static final Caller SYSTEM_ADMIN = new Caller(Role.ADMIN, null, null, null, null, "test");

    final Tenants tenants;
    final ShipmentRegistry registry;
    final TrackingIngest ingest;
    final Subscriptions subscriptions;
    final JdbcClient jdbc;

    NotifyWorld(ApplicationContext context) {
        this.tenants = context.getBean(Tenants.class);
        this.registry = context.getBean(ShipmentRegistry.class);
        this.ingest = context.getBean(TrackingIngest.class);
        this.subscriptions = context.getBean(Subscriptions.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    record Parcel(long tenantId, long shipmentId, long orderId, String trackingNumber) {
    }

    Parcel parcel(String customerEmail) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Shop shop = tenants.create(SYSTEM_ADMIN, "notify-" + run, "Notify shop " + run, false);
        String number = "4" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        var order = new OrderDetails("N-" + run, customerEmail, "受取 花子", null, null, 1000L, false, null, null, null,
                false, false);
        var outcome = registry.register(shop.id(), List.of(new ShipmentRegistration("yamato", number, ShipmentLeg.OUTBOUND,
                order, null, false, null))).getFirst();
        long orderId = registry.shipment(shop.id(), outcome.shipmentId()).orElseThrow().orderId();
        return new Parcel(shop.id(), outcome.shipmentId(), orderId, number);
    }

    Subscription subscribe(Parcel p, String address, String language) {
        return subscriptions.subscribe(new Subscriptions.NewSubscription(p.tenantId(), p.shipmentId(), null, null, null,
                "email", address, language, Milestone.defaults(), 3, "test"));
    }

    /** The carrier's event, with its own id: sending it again is a duplicate. */
    void event(Parcel p, String sourceEventId, TrackingStatus status, Instant at) {
        ingest.ingest(p.tenantId(), List.of(new IncomingEvent(p.shipmentId(), null, null, sourceEventId,
                new TrackingEvent("test", null, status.name(), status, null, EventTime.of(at, EventTime.TOKYO),
                        EventLocation.NONE, 0, Instant.now()))));
    }

    long rows(Parcel p) {
        return jdbc.sql("select count(*) from notify_notifications where shipment_id = ?").param(p.shipmentId())
                .query(Long.class).single();
    }

    static List<MimeMessage> mailsTo(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
