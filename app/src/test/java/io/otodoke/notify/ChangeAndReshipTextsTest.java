package io.otodoke.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.OtodokeTest;
import io.otodoke.tracking.ShipmentLeg;
import io.otodoke.tracking.ShipmentView;
import io.otodoke.tracking.TrackingStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The words of the messages whose text follows their facts: a delivery change by its outcome, with
 * what was asked in the reader's language; a claim decided with a reship, naming the replacement.
 */
@OtodokeTest
class ChangeAndReshipTextsTest {

    @Autowired
    MessageRenderer renderer;

    static final ShipmentView OWN = new ShipmentView(1, 1, null, ShipmentLeg.OUTBOUND, "own_fleet", "OF0000000001",
            TrackingStatus.ARRIVED_AT_DELIVERY_BASE, null, Instant.now(), null, null, null, List.of());

    static Subscription subscriber(String language) {
        return new Subscription(1, 1, 1L, null, null, null, "email", "r@example.jp", language,
                Set.of(Milestone.values()), 3, "test", Instant.now());
    }

    Message render(String language, Milestone m, Map<String, String> facts) {
        return renderer.render(subscriber(language), OWN, Optional.empty(), m, facts, "http://x/unsubscribe");
    }

    @Test
    void aChangeAppliedToTheRouteSaysWhatWasAskedForInEachLanguage() {
        Map<String, String> facts = Map.of("changeKind", "RESCHEDULE", "changeOutcome", "ROUTE_UPDATED",
                "changeDate", "2026-12-01", "changeSlot", "18-20");
        Message ja = render("ja", Milestone.DELIVERY_CHANGED, facts);
        assertThat(ja.subject()).isEqualTo("【お届け変更】ご依頼の内容で配達予定を変更しました（OF0000000001）");
        assertThat(ja.text()).startsWith("お届けの変更を配達予定に反映しました（お届け日時の変更：2026年12月1日(火) 18時〜20時）。");
        assertThat(ja.url()).as("no carrier page: our own tracking page").contains("/track?numbers=OF0000000001");
        Message en = render("en", Milestone.DELIVERY_CHANGED, facts);
        assertThat(en.subject()).isEqualTo("Your delivery has been changed as you asked (OF0000000001)");
        assertThat(en.text()).startsWith("Your delivery change has been applied (New delivery date and time: Tue 1 Dec 2026 18:00–20:00).");
    }

    @Test
    void eachOutcomeHasItsOwnWords() {
        assertThat(render("ja", Milestone.DELIVERY_CHANGED, Map.of("changeKind", "REDELIVERY", "changeOutcome", "LEFT_ROUTE",
                "changeDate", "2026-12-02", "changeSlot", "AM")).text())
                .startsWith("お届けの変更を承り、本日の配達ルートから外しました（再配達：2026年12月2日(水) 午前中）。");
        assertThat(render("ja", Milestone.DELIVERY_CHANGED, Map.of("changeKind", "CHANGE_PLACE",
                "changeOutcome", "AWAITING_ROUTE", "changePlace", "SAFE_PLACE")).subject())
                .isEqualTo("【お届け変更】ご依頼を承りました（OF0000000001）");
        Message place = render("en", Milestone.DELIVERY_CHANGED, Map.of("changeKind", "CHANGE_PLACE",
                "changeOutcome", "AWAITING_ROUTE", "changePlace", "SAFE_PLACE"));
        assertThat(place.text()).startsWith("Your delivery change has been recorded (New place: Leave it at a spot");
        assertThat(place.data()).containsEntry("changePlace", "SAFE_PLACE").containsEntry("milestone", "DELIVERY_CHANGED");
    }

    @Test
    void aClaimDecidedWithAReshipNamesTheReplacementAndARefundKeepsTheUsualWords() {
        Message reship = render("ja", Milestone.CLAIM_DECIDED, Map.of("claimKind", "NOT_RECEIVED", "claimState", "APPROVED",
                "claimOutcome", "RESHIP", "replacementCarrier", "own_fleet", "replacementTrackingNumber", "RS0000000007"));
        assertThat(reship.subject()).isEqualTo("【再送のお知らせ】代わりのお荷物をお送りします（自社配送 RS0000000007）");
        assertThat(reship.text()).contains("再送のお荷物: 自社配送 伝票番号 RS0000000007", "/track?numbers=RS0000000007");
        Message refund = render("ja", Milestone.CLAIM_DECIDED, Map.of("claimKind", "NOT_RECEIVED", "claimState", "APPROVED",
                "claimOutcome", "REFUND"));
        assertThat(refund.subject()).isEqualTo("【お申し出の結果】お荷物についてのお申し出を確認しました（OF0000000001）");
        assertThat(refund.text()).doesNotContain("再送");
    }
}
