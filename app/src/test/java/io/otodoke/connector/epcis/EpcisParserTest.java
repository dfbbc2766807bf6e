package io.otodoke.connector.epcis;

import static io.otodoke.connector.Samples.CONTEXT;
import static io.otodoke.connector.Samples.bytes;
import static io.otodoke.connector.Samples.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.connector.ParsedShipment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EPCIS 2.0. Example 9.6.1 is the GS1 SPEC-EXAMPLE; the synthetic/ fixtures are SYNTHETIC. */
class EpcisParserTest {

    private final EpcisParser parser = new EpcisParser();

    @Test
    void gs1ExampleOneShipmentPerEpc() {
        List<ParsedShipment> r = parser.parse(bytes("gs1-epcis/Example_9.6.1-ObjectEvent.jsonld"), CONTEXT);
        assertThat(r).extracting(ParsedShipment::trackingNumber)
                .containsExactly("URN:EPC:ID:SGTIN:0614141.107346.2017", "URN:EPC:ID:SGTIN:0614141.107346.2018");
        assertThat(lines(r.get(0))).containsExactly(
                "0 shipping in_transit | ni:///sha-256;df7bb3c352fef055578554f09f5e2aa41782150ced7bd0b8af24dd3ccb30ba69?ver=CBV2.0 | IN_TRANSIT | 2005-04-03T20:33:31-06:00 (-06:00) | urn:epc:id:sgln:0614141.07346.1234,,,");
        // receiving at a node that no destinationList names: still in transit (carriers.md §7)
        assertThat(lines(r.get(1))).hasSize(2).element(1).asString()
                .startsWith("1 receiving in_progress | ni:///sha-256;00e1e6eb")
                .endsWith("| IN_TRANSIT | 2005-04-04T20:33:31-06:00 (-06:00) | urn:epc:id:sgln:0012345.11111.0,,,");
    }

    @Test
    void syntheticSingleAggregationEventKeyedByParentSsccShownAtItsOffset() {
        ParsedShipment s = parser.parse(bytes("synthetic/epcis-single-event-sscc.json"), CONTEXT).getFirst();
        assertThat(s.trackingNumber()).isEqualTo("URN:EPC:ID:SSCC:4012345.0000000123");
        assertThat(lines(s)).containsExactly("0 urn:epcglobal:cbv:bizstep:receiving urn:epcglobal:cbv:disp:in_progress | null"
                + " | IN_TRANSIT | 2026-11-29T10:30+09:00 (+09:00) | urn:epc:id:sgln:4012345.00099.0,,,");
    }

    @Test
    void syntheticDocumentOrderedByTimeDeliveredAtDestinationThenReturned() {
        ParsedShipment s = parser.parse(bytes("synthetic/epcis-document-return.json"), CONTEXT).getFirst();
        assertThat(lines(s)).containsExactly(
                "0 collecting | null | PICKED_UP | 2026-11-20T08:00+01:00 (+01:00) | urn:epc:id:sgln:4012345.00001.0,,,",
                "1 receiving in_progress | null | DELIVERED | 2026-11-22T15:00+01:00 (+01:00) | urn:epc:id:sgln:0999999.00005.0,,,",
                "2 inspecting | null | UNKNOWN | 2026-11-24T09:00+01:00 (+01:00) | -",
                "3 receiving returned | null | RETURNED | 2026-11-26T10:00+01:00 (+01:00) | urn:epc:id:sgln:4012345.00001.0,,,");
    }
}
