package io.otodoke.returns;

import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.EventTime;
import io.otodoke.tracking.IncomingEvent;
import io.otodoke.tracking.IngestResult;
import io.otodoke.tracking.TrackingEvent;
import io.otodoke.tracking.TrackingIngest;
import io.otodoke.tracking.TrackingStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unused own-fleet return labels expire (issue 8): a label with no scan by its end of validity is
 * void. The return goes to {@code LABEL_EXPIRED} (the shop may approve again, with a new label) and
 * the label's shipment is cancelled in its timeline, so that nobody picks up a parcel on it.
 */
@Component
public class ReturnLabelExpiry {

    /** The source of the cancellation in the label's timeline. */
    static final String SOURCE = "returns";

    private static final Logger log = LoggerFactory.getLogger(ReturnLabelExpiry.class);

    private final ReturnStore store;
    private final TrackingIngest ingest;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReturnLabelExpiry(ReturnStore store, TrackingIngest ingest, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.ingest = ingest;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every hour; one transaction per label, so one failure does not hold the others back. Returns how many expired. */
    @Scheduled(fixedDelayString = "${otodoke.returns.expiry-check:PT1H}", initialDelayString = "PT1M")
    public int expire() {
        Instant now = clock.instant();
        int expired = 0;
        for (ReturnAuthorisation r : store.expiredLabels(now)) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(tx -> expire(r, now)))) {
                    expired++;
                }
            } catch (RuntimeException e) {
                log.warn("Return {}: its label could not be expired; tried again at the next check", r.id(), e);
            }
        }
        return expired;
    }

    private boolean expire(ReturnAuthorisation r, Instant now) {
        ReturnAuthorisation locked = store.forUpdate(r.id()).orElseThrow();
        if (locked.state() != ReturnState.APPROVED) {
            return false;
        }
        store.state(r.id(), ReturnState.LABEL_EXPIRED);
        IngestResult result = ingest.ingest(r.tenantId(), List.of(new IncomingEvent(r.shipmentId(), null, null,
                "return-label-expired:" + r.id(), new TrackingEvent(SOURCE, "LABEL_EXPIRED", "返品ラベルの有効期限切れ",
                TrackingStatus.CANCELLED, null, EventTime.of(now, EventTime.TOKYO), EventLocation.NONE, 0, now))));
        if (!result.errors().isEmpty()) {
            throw new IllegalStateException("the label's cancellation was refused: " + result.errors());
        }
        return true;
    }
}
