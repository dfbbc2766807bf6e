package io.otodoke.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who sees what of an order (docs/security.md): the table, cell by cell. */
class AudienceTest {

    static final Recipient RECIPIENT = new Recipient("受取 花子", "150-0001", "東京都", "渋谷区", "神宮前1-2-3", "090-0000-0000");

    static OrderView order(boolean gift, boolean showGiver, boolean showItems) {
        return new OrderView(1, 1, "A-1", "giver@example.jp", "贈り 主", null, List.of(new OrderItem("緑茶", 1, 980)),
                980L, gift, gift ? "贈り 主" : null, gift ? "おめでとう" : null, null, showGiver, showItems, List.of());
    }

    static Caller caller(Role role) {
        return new Caller(role, role == Role.ADMIN ? null : 1L, role == Role.SELLER ? 3L : null, 9L, "x@example.jp", "user:9");
    }

    @Test
    void staffAndTheBuyerSeeTheWholeAddressTheGiverAndTheLinkHolderOnlyTheCity() {
        for (Role staff : List.of(Role.OPERATOR, Role.SELLER, Role.ADMIN)) {
            assertThat(Audience.of(caller(staff), true)).isEqualTo(Audience.STAFF);
        }
        assertThat(Audience.of(caller(Role.SHOPPER), false)).isEqualTo(Audience.BUYER);
        assertThat(Audience.of(caller(Role.SHOPPER), true)).isEqualTo(Audience.GIFT_GIVER);

        assertThat(Audience.STAFF.recipient(RECIPIENT)).isEqualTo(RECIPIENT);
        assertThat(Audience.BUYER.recipient(RECIPIENT)).isEqualTo(RECIPIENT);
        Recipient cityOnly = new Recipient(null, null, "東京都", "渋谷区", null, null);
        assertThat(Audience.GIFT_GIVER.recipient(RECIPIENT)).isEqualTo(cityOnly);
        assertThat(Audience.SHARE_LINK.recipient(RECIPIENT)).isEqualTo(cityOnly);
        assertThat(Audience.SHARE_LINK.recipient(null)).isNull();
    }

    @Test
    void theDeliveryPhotoIsNeverTheGivers() {
        assertThat(Audience.GIFT_GIVER.seesDeliveryPhoto()).isFalse();
        assertThat(List.of(Audience.STAFF, Audience.BUYER, Audience.SHARE_LINK)).allMatch(Audience::seesDeliveryPhoto);
    }

    @Test
    void aGiftsLinkShowsTheGiverAndTheItemsOnlyWhenTheGiverAllows() {
        assertThat(Audience.SHARE_LINK.seesGiverName(order(true, false, false))).isFalse();
        assertThat(Audience.SHARE_LINK.seesItems(order(true, false, false))).isFalse();
        assertThat(Audience.SHARE_LINK.seesGiverName(order(true, true, false))).isTrue();
        assertThat(Audience.SHARE_LINK.seesItems(order(true, false, true))).isTrue();
        assertThat(Audience.SHARE_LINK.seesItems(order(false, false, false))).as("not a gift").isTrue();
        assertThat(Audience.GIFT_GIVER.seesItems(order(true, false, false))).isTrue();
        assertThat(Audience.GIFT_GIVER.seesGiverName(order(true, false, false))).isTrue();
    }
}
