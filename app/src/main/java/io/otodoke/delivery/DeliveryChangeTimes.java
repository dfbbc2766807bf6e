package io.otodoke.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** When the first change of date, time or place was asked for each parcel (insights module, docs/insights.md). */
@Service
public class DeliveryChangeTimes {

    private final JdbcClient jdbc;

    DeliveryChangeTimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first change request of each of these shipments that has one, of any kind. */
    public Map<Long, Instant> firstChange(Collection<Long> shipmentIds) {
        Map<Long, Instant> out = new HashMap<>();
        if (shipmentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select shipment_id, min(created_at) from delivery_changes where shipment_id = any(?) group by shipment_id")
                .param(shipmentIds.toArray(Long[]::new))
                .query((rs, i) -> out.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant())).list();
        return out;
    }
}
