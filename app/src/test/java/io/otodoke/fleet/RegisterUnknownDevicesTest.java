package io.otodoke.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.otodoke.account.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With otodoke.fleet.register-unknown-devices (Traccar's database.registerUnknown) a new phone becomes a vehicle. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "otodoke.data-dir=target/test-data/${random.uuid}",
        "otodoke.demo.enabled=false",
        "otodoke.fleet.register-unknown-devices=true"})
class RegisterUnknownDevicesTest {

    @Autowired
    OsmAndPort osmAndPort;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnknownDeviceBecomesAVehicleOfTheDefaultTenant() throws Exception {
        String device = "new-phone-" + UUID.randomUUID();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + osmAndPort.port() + "/?id=" + device + "&lat=35.68&lon=139.76")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select tenant_id, name from vehicles where device_id = ?").param(device)
                .query((rs, i) -> rs.getLong(1) + " " + rs.getString(2)).single())
                .isEqualTo(Tenant.DEFAULT_ID + " " + device);
        assertThat(jdbc.sql("select count(*) from positions p join vehicles v on v.id = p.vehicle_id where v.device_id = ?")
                .param(device).query(Long.class).single()).isEqualTo(1);
    }
}
