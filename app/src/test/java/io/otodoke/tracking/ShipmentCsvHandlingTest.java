package io.otodoke.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The handling columns of a shipments CSV: cash on delivery, cool and signature required. */
class ShipmentCsvHandlingTest {

    @Test
    void handlingFlagsAreReadAndABadFlagIsTheRowsErrorOnly() throws Exception {
        ShipmentCsv.Parsed parsed = ShipmentCsv.read(new StringReader("""
                carrier,tracking_number,cash_on_delivery,cool,signature_required
                yamato,1111-2222-3333,true,,
                yamato,1111-2222-3334,,はい,yes
                yamato,1111-2222-3335,,,
                yamato,1111-2222-3336,maybe,,
                """));
        assertThat(parsed.rows()).extracting(r -> r.registration().handling()).containsExactly(
                new Handling(true, false, false), new Handling(false, true, true), Handling.NONE);
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("invalid-boolean");
            assertThat(e.field()).isEqualTo("cash_on_delivery");
        });
        assertThat(Handling.NONE.mayBeLeftUnattended()).isTrue();
        assertThat(new Handling(false, false, true).mayBeLeftUnattended()).isFalse();
    }
}
