package io.otodoke.connector.csv;

import static io.otodoke.connector.Samples.CONTEXT;
import static io.otodoke.connector.Samples.bytes;
import static io.otodoke.connector.Samples.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events CSV. The fixture synthetic/events.csv is SYNTHETIC, written to docs/api.md. */
class EventsCsvParserTest {

    private final EventsCsvParser parser = new EventsCsvParser();

    @Test
    void syntheticFileOneShipmentPerNumberDuplicateEventIdOnce() {
        List<ParsedShipment> r = parser.parse(bytes("synthetic/events.csv"), CONTEXT);
        assertThat(r).extracting(ParsedShipment::trackingNumber).containsExactly("491234567890", "RR123456785JP");
        assertThat(r.get(0).carrier()).isEqualTo("yamato");
        assertThat(lines(r.get(0))).containsExactly(
                "0 null | 荷物受付 | PICKED_UP | 2026-11-20T09:12+09:00 (+09:00) | 東京中央支店,100-0001,東京都,JP",
                "1 null | 配達中 | OUT_FOR_DELIVERY | 2026-11-21T08:00+09:00 (Asia/Tokyo) | 大阪南支店, 2F,,大阪府,JP",
                "2 X9 | 不明な表示 | UNKNOWN | 2026-11-21T00:00+09:00 (Asia/Tokyo, DAY) | -",
                "3 null | 配達完了（宅配ボックス） | DELIVERED/PARCEL_LOCKER | 2026-11-22T10:00+09:00 (+09:00) | ,,,JP");
        assertThat(lines(r.get(1))).containsExactly("0 null | null | LABEL_CREATED | 2026-11-19T00:00+09:00 (Asia/Tokyo, DAY) | -");
    }

    @Test
    void badRowsNameTheirLine() {
        assertThatThrownBy(() -> csv("tracking_number,occurred_at,status\nA1,2026-11-20T10:00:00+09:00,PICKED_UP\nA1,2026-11-21T10:00,DELIVERED\n"))
                .isInstanceOf(ParseException.class).hasMessageStartingWith("line 3:").hasMessageContaining("zone");
        assertThatThrownBy(() -> csv("tracking_number,occurred_at,status\nA1,2026-11-20T10:00:00+09:00,TELEPORTED\n"))
                .isInstanceOf(ParseException.class).hasMessageStartingWith("line 2:").hasMessageContaining("TELEPORTED");
        assertThatThrownBy(() -> csv("tracking_number,occurred_at\nA1,2026-11-20T10:00:00+09:00\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("status or a raw_text");
    }

    @Test
    void headerRequiredAndUnknownColumnsRefused() {
        assertThatThrownBy(() -> csv("A1,2026-11-20T10:00:00+09:00,PICKED_UP\n")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> csv("tracking_number,occurred_at,status,colour\nA1,2026-11-20T10:00:00+09:00,PICKED_UP,red\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("unknown column 'colour'");
        assertThatThrownBy(() -> csv("tracking_number,occurred_at,status\n")).isInstanceOf(ParseException.class);
    }

    private List<ParsedShipment> csv(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), CONTEXT);
    }
}
