package io.otodoke.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The tile server's origin goes into the Content-Security-Policy: exactly scheme, host and port. */
class MapPropertiesTest {

    static MapProperties tiles(String url) {
        return new MapProperties(url, null, null);
    }

    @Test
    void defaultsToOpenStreetMapWithItsCredit() {
        MapProperties map = new MapProperties(null, null, null);
        assertThat(map.tileUrl()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assertThat(map.attribution()).isEqualTo("© OpenStreetMap contributors");
        assertThat(map.tileOrigin()).hasValue("https://tile.openstreetmap.org");
    }

    @Test
    void theOriginIsSchemeHostAndPortOnly() {
        assertThat(tiles("https://Tiles.Example.org:8443/osm/{z}/{x}/{y}.png?key=abc").tileOrigin())
                .hasValue("https://tiles.example.org:8443");
        assertThat(tiles("http://10.0.0.5/{z}/{x}/{y}.png").tileOrigin()).hasValue("http://10.0.0.5");
        assertThat(tiles("https://{s}.tile.example.org/{z}/{x}/{y}.png").tileOrigin())
                .hasValue("https://*.tile.example.org");
    }

    @Test
    void noOriginForTilesOnThisServerOrNone() {
        assertThat(tiles("").tileOrigin()).isEmpty();
        assertThat(tiles("  ").tileOrigin()).isEmpty();
        assertThat(tiles("/tiles/{z}/{x}/{y}.png").tileOrigin()).isEmpty();
    }

    @Test
    void refusesWhatCouldNotBeWrittenIntoTheHeaderSafely() {
        assertThatIllegalArgumentException().isThrownBy(() -> tiles("https://a.example; script-src *"));
        assertThatIllegalArgumentException().isThrownBy(() -> tiles("//tiles.example.org/{z}/{x}/{y}.png"));
        assertThatIllegalArgumentException().isThrownBy(() -> tiles("ftp://tiles.example.org/{z}.png"));
        assertThatIllegalArgumentException().isThrownBy(() -> tiles("tiles/{z}/{x}/{y}.png"));
    }
}
