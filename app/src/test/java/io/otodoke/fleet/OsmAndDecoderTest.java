package io.otodoke.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The request forms of Traccar's own decoder test, traccar/traccar
 * {@code src/test/java/org/traccar/protocol/OsmAndProtocolDecoderTest.java} (testDecodeQuery and
 * testDecodeJson): the query strings and JSON bodies below are that file's captured requests.
 */
class OsmAndDecoderTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    static PositionReport query(String pathAndQuery) {
        return OsmAndDecoder.decode(OsmAndDecoder.parameters(pathAndQuery.substring(pathAndQuery.indexOf('?') + 1),
                new LinkedHashMap<>()), NOW);
    }

    @Test
    void unixSecondsAndTheCommonFields() {
        PositionReport p = query("/?id=123456&timestamp=1377177267&lat=60.0&lon=30.0&speed=0.0&bearing=0.0&altitude=0&hdop=0.0");
        assertThat(p.deviceId()).isEqualTo("123456");
        assertThat(p.time()).isEqualTo(Instant.ofEpochSecond(1377177267));
        assertThat(p.latitude()).isEqualTo(60.0);
        assertThat(p.longitude()).isEqualTo(30.0);
        assertThat(p.speed()).isEqualTo(0.0);
        assertThat(p.heading()).isEqualTo(0.0);
        assertThat(p.altitude()).isEqualTo(0.0);
        assertThat(p.attributes()).containsEntry("hdop", "0.0");
    }

    @Test
    void isoTimeEncodedInTheQuery() {
        PositionReport p = query("/?id=902064&lat=42.06288&lon=-88.23412&timestamp=2016-01-27T18%3A55%3A47Z&hdop=6.0&altitude=224.0&speed=0.0");
        assertThat(p.time()).isEqualTo(Instant.parse("2016-01-27T18:55:47Z"));
        assertThat(p.longitude()).isEqualTo(-88.23412);
        assertThat(p.altitude()).isEqualTo(224.0);
    }

    @Test
    void unixMilliseconds() {
        PositionReport p = query("/?id=902064&lat=42.06288&lon=-88.23412&timestamp=1442068686579&hdop=6.0&altitude=224.0&speed=0.0");
        assertThat(p.time()).isEqualTo(Instant.ofEpochMilli(1442068686579L));
    }

    @Test
    void spacedTimeIsUtcAndIdMayComeLast() {
        PositionReport p = query("/?lat=49.60688&lon=6.15788&timestamp=2014-06-04+09%3A10%3A11&altitude=384.7&speed=0.0&id=353861053849681");
        assertThat(p.deviceId()).isEqualTo("353861053849681");
        assertThat(p.time()).isEqualTo(Instant.parse("2014-06-04T09:10:11Z"));
    }

    @Test
    void deviceidAndHeadingAreOtherNamesAndNoTimestampMeansNow() {
        PositionReport p = query("/?lat=60.0&lon=30.0&speed=0.0&heading=0.0&vacc=0&hacc=0&altitude=0&deviceid=123456");
        assertThat(p.deviceId()).isEqualTo("123456");
        assertThat(p.time()).isEqualTo(NOW);
        assertThat(p.heading()).isEqualTo(0.0);
        assertThat(p.attributes()).containsEntry("vacc", "0").containsEntry("hacc", "0");
    }

    @Test
    void batteryInPercent() {
        PositionReport p = query("/?id=861001000719969&lat=41.666667&lon=-0.883333&altitude=350.059479&speed=0.000000&batt=87");
        assertThat(p.battery()).isEqualTo(87.0);
        assertThat(p.altitude()).isEqualTo(350.059479);
    }

    @Test
    void locationAsLatCommaLon() {
        PositionReport p = query("/?id=123456&timestamp=1377177267&location=60.0,30.0");
        assertThat(p.latitude()).isEqualTo(60.0);
        assertThat(p.longitude()).isEqualTo(30.0);
    }

    @Test
    void speedInKnotsBecomesMetresPerSecondAndOtherKeysAreAttributes() {
        PositionReport p = query("/?id=123456789012345&timestamp=1504763810&lat=40.7232948571&lon=-74.0061408571&bearing=7.19889788244&speed=40&ignition=true&rpm=933&fuel=24");
        assertThat(p.speed()).isCloseTo(40 * 1852.0 / 3600, within(1e-9)); // 20.58 m/s
        assertThat(p.heading()).isEqualTo(7.19889788244);
        assertThat(p.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("ignition", "true", "rpm", "933", "fuel", "24"));
    }

    @Test
    void traccarClientJsonBody() {
        PositionReport p = OsmAndDecoder.decodeJson("""
                {"location":{"event":"motionchange","is_moving":false,"uuid":"0e9a2473-a9a7-4c00-997b-fb97d2154e75",\
                "timestamp":"2021-07-21T08:06:34.444Z","odometer":0,"coords":{"latitude":-6.1148096,"longitude":106.6837015,\
                "accuracy":3.8,"speed":18.67,"speed_accuracy":0.26,"heading":63,"heading_accuracy":0.28,"altitude":35.7,\
                "altitude_accuracy":3.8},"activity":{"type":"still","confidence":100},"battery":{"is_charging":false,\
                "level":0.79},"extras":{}},"device_id":"8737767034"}""", NOW);
        assertThat(p.deviceId()).isEqualTo("8737767034");
        assertThat(p.time()).isEqualTo(Instant.parse("2021-07-21T08:06:34.444Z"));
        assertThat(p.latitude()).isEqualTo(-6.1148096);
        assertThat(p.longitude()).isEqualTo(106.6837015);
        assertThat(p.speed()).isEqualTo(18.67); // already m/s in this format
        assertThat(p.heading()).isEqualTo(63.0);
        assertThat(p.accuracy()).isEqualTo(3.8);
        assertThat(p.altitude()).isEqualTo(35.7);
        assertThat(p.battery()).isCloseTo(79.0, within(1e-9));
        assertThat(p.attributes()).containsEntry("event", "motionchange").containsEntry("activity", "still");
    }

    @Test
    void traccarClientJsonWithUnknownSpeedHeadingBatteryAndExtras() {
        PositionReport p = OsmAndDecoder.decodeJson("""
                {"location":{"timestamp":"2025-06-15T13:45:12.862Z","coords":{"latitude":37.4219983,"longitude":-122.084,\
                "accuracy":5,"speed":-1,"heading":-1,"altitude":5},"is_moving":false,"odometer":0,"event":"motionchange",\
                "battery":{"level":-1,"is_charging":false},"activity":{"type":"still"},"extras":{"device_string_test":\
                "long_device_id","device_bool_test":true,"device_integer_test":1,"device_double_test":1.345},\
                "_":"&id=48241179&lat=37.4219983&lon=-122.084&timestamp=2025-06-15T13:45:12.862Z&"},"device_id":"48241179"}""",
                NOW);
        assertThat(p.deviceId()).isEqualTo("48241179");
        assertThat(p.speed()).isNull();
        assertThat(p.heading()).isNull();
        assertThat(p.battery()).isNull();
        assertThat(p.attributes()).containsEntry("device_string_test", "long_device_id")
                .containsEntry("device_bool_test", "true").containsEntry("device_double_test", "1.345");
    }

    @Test
    void noIdIsRefused() {
        // Traccar's test: decodes to nothing without an id
        assertThatThrownBy(() -> query("/?timestamp=1377177267&lat=60.0&lon=30.0"))
                .isInstanceOf(InvalidPosition.class).hasMessageContaining("device id");
    }

    @Test
    void noLocationIsRefused() {
        // Traccar keeps the last known location for cell/wifi-only reports; we have no use for a position without one
        assertThatThrownBy(() -> query("/?id=123456&timestamp=1377177267&cell=257,02,16,2224&wifi=00-14-22-01-23-45,-80"))
                .isInstanceOf(InvalidPosition.class).hasMessageContaining("latitude");
    }

    @Test
    void badInputsSayWhatIsWrong() {
        assertThat(field("/?id=1&lat=91&lon=30")).isEqualTo("lat");
        assertThat(field("/?id=1&lat=-90.5&lon=30")).isEqualTo("lat");
        assertThat(field("/?id=1&lat=60&lon=180.1")).isEqualTo("lon");
        assertThat(field("/?id=1&lat=60&lon=east")).isEqualTo("lon");
        assertThat(field("/?id=1&lat=NaN&lon=30")).isEqualTo("lat");
        assertThat(field("/?id=1&lat=60&lon=30&speed=fast")).isEqualTo("speed");
        assertThat(field("/?id=1&lat=60&lon=30&timestamp=yesterday")).isEqualTo("timestamp");
        assertThat(field("/?id=1&location=60.0")).isEqualTo("location");
        assertThat(field("/?id=1&lat=60&lon=30&speed=200")).isEqualTo("speed"); // 102.9 m/s
        assertThat(field("/?id=&lat=60&lon=30")).isEqualTo("id");
        assertThat(field("/?id=1&lat=60&lon=30&timestamp=%E0%")).isEqualTo("query");
    }

    @Test
    void aTimeMoreThanFiveMinutesAheadIsRefusedButAPhoneSlightlyAheadIsNot() {
        long fourMinutesAhead = NOW.plusSeconds(240).getEpochSecond();
        long sixMinutesAhead = NOW.plusSeconds(360).getEpochSecond();
        assertThat(query("/?id=1&lat=60&lon=30&timestamp=" + fourMinutesAhead).time()).isEqualTo(NOW.plusSeconds(240));
        assertThat(field("/?id=1&lat=60&lon=30&timestamp=" + sixMinutesAhead)).isEqualTo("timestamp");
    }

    @Test
    void badJsonBodies() {
        assertThatThrownBy(() -> OsmAndDecoder.decodeJson("{not json", NOW)).isInstanceOf(InvalidPosition.class);
        assertThatThrownBy(() -> OsmAndDecoder.decodeJson("[]", NOW)).isInstanceOf(InvalidPosition.class);
        assertThatThrownBy(() -> OsmAndDecoder.decodeJson("{\"location\":{\"coords\":{\"latitude\":1,\"longitude\":2}}}", NOW))
                .hasMessageContaining("device_id");
        assertThatThrownBy(() -> OsmAndDecoder.decodeJson("{\"device_id\":\"1\",\"location\":{\"coords\":{\"latitude\":1}}}", NOW))
                .hasMessageContaining("longitude");
        assertThatThrownBy(() -> OsmAndDecoder.decodeJson("{\"device_id\":\"1\",\"location\":{\"coords\":"
                + "{\"latitude\":\"north\",\"longitude\":2}}}", NOW)).hasMessageContaining("latitude");
    }

    private static String field(String request) {
        try {
            query(request);
        } catch (InvalidPosition e) {
            return e.field();
        }
        throw new AssertionError("accepted: " + request);
    }
}
