package io.otodoke.connector.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otodoke.connector.ParseContext;
import io.otodoke.connector.ParseException;
import io.otodoke.connector.ParsedShipment;
import io.otodoke.tracking.TrackingStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Our own event format by webhook: the items of POST /api/v1/events, addressed by number. */
class GenericEventParserTest {

    static final Instant RECEIVED = Instant.parse("2026-11-29T05:00:00Z");
    static final ParseContext CONTEXT = new ParseContext(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 29), RECEIVED);

    final GenericEventParser parser = new GenericEventParser(JsonMapper.builder().build());

    List<ParsedShipment> parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), CONTEXT);
    }

    @Test
    void groupsEventsByCarrierAndNumberInTheSendersOrder() {
        var shipments = parse("""
                [{"carrier":"yamato","trackingNumber":"4912-3456-7890","status":"PICKED_UP","rawText":"荷物受付",
                  "occurredLocal":"2026-11-28T09:12","zone":"Asia/Tokyo","sourceSequence":0},
                 {"trackingNumber":"EJ123456789JP","source":"japanpost","status":"IN_TRANSIT",
                  "occurredAt":"2026-11-28T10:00:00+09:00"},
                 {"carrier":"yamato","trackingNumber":"491234567890","status":"IN_TRANSIT","rawText":"輸送中",
                  "occurredAt":"2026-11-28T18:40:00+09:00","sourceSequence":1}]
                """);
        assertThat(shipments).hasSize(2);
        ParsedShipment yamato = shipments.getFirst();
        assertThat(yamato.trackingNumber()).isEqualTo("491234567890");
        assertThat(yamato.carrier()).isEqualTo("yamato");
        assertThat(yamato.notFound()).isFalse();
        assertThat(yamato.events()).extracting(e -> e.status()).containsExactly(TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT);
        assertThat(yamato.events()).allSatisfy(e -> {
            assertThat(e.source()).as("no source given: the webhook's").isEqualTo("generic");
            assertThat(e.receivedAt()).isEqualTo(RECEIVED);
        });
        assertThat(yamato.events().getFirst().rawText()).isEqualTo("荷物受付");

        ParsedShipment post = shipments.get(1);
        assertThat(post.carrier()).as("no carrier: matched by number alone").isNull();
        assertThat(post.events().getFirst().source()).isEqualTo("japanpost");
    }

    @Test
    void anEmptyArrayIsNothingToDo() {
        assertThat(parse("[]")).isEmpty();
    }

    @Test
    void refusesTheWholePayloadWithEveryReasonWhenAnItemIsInvalid() {
        assertThatThrownBy(() -> parse("""
                [{"carrier":"yamato","trackingNumber":"491234567890","status":"IN_TRANSIT","occurredAt":"2026-11-28T18:40:00+09:00"},
                 {"carrier":"yamato","trackingNumber":"491234567890","status":"ON_THE_MOON","occurredAt":"2026-11-28T18:40:00+09:00"},
                 {"shipmentId":7,"status":"IN_TRANSIT","occurredAt":"2026-11-28T18:40:00+09:00"},
                 {"carrier":"yamato","status":"IN_TRANSIT","occurredAt":"2026-11-28T18:40:00+09:00"},
                 {"carrier":"yamato","trackingNumber":"491234567890","status":"IN_TRANSIT","occurredAt":"yesterday"},
                 42]
                """))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ParseException.Kind.MALFORMED);
                    assertThat(e.getMessage()).startsWith("5 of 6 events are invalid, so none was ingested")
                            .contains("[1] unknown-status").contains("[2] shipmentId belongs to one tenant")
                            .contains("[3] trackingNumber is required").contains("[4] invalid-timestamp").contains("[5] not an event");
                });
    }

    @Test
    void refusesWhatIsNotAnArrayOfEvents() {
        assertThatThrownBy(() -> parse("{\"events\":[]}")).isInstanceOf(ParseException.class)
                .hasMessageContaining("JSON array of events");
        assertThatThrownBy(() -> parse("[{\"status\":")).isInstanceOf(ParseException.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> parse("")).isInstanceOf(ParseException.class);
    }
}
