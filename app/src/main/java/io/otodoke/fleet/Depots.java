package io.otodoke.fleet;

import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.web.ProblemType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The depots of each tenant: where routes start. */
@Service
public class Depots {

    private static final String SELECT = "select id, tenant_id, code, name, address, latitude, longitude from depots";

    private final JdbcClient jdbc;

    Depots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewDepot(String code, String name, String address, Double latitude, Double longitude) {
    }

    /** Creates a depot in the caller's tenant; its code is unique there (409 otherwise). */
    public Depot create(Caller caller, NewDepot d) {
        if (caller.tenantId() == null) {
            throw ProblemType.exception(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "A depot belongs to a tenant; only its operator creates it.");
        }
        String code = Text.required("code", d.code(), 50);
        String name = Text.required("name", d.name(), 100);
        String address = Text.optional("address", d.address(), 300);
        Geo.check("latitude", "longitude", d.latitude(), d.longitude());
        return jdbc.sql("""
                        insert into depots (tenant_id, code, name, address, latitude, longitude) values (?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, code) do nothing
                        returning id, tenant_id, code, name, address, latitude, longitude
                        """).params(caller.tenantId(), code, name, address, d.latitude(), d.longitude())
                .query(Depots::depot).optional()
                .orElseThrow(() -> ProblemType.exception(HttpStatus.CONFLICT, "duplicate-depot", "Depot exists",
                        "A depot with code '" + code + "' exists already."));
    }

    public List<Depot> list(Caller caller) {
        if (caller.is(Role.ADMIN)) {
            return jdbc.sql(SELECT + " order by id").query(Depots::depot).list();
        }
        return jdbc.sql(SELECT + " where tenant_id = ? order by id").param(caller.tenantId()).query(Depots::depot).list();
    }

    Optional<Depot> byCode(long tenantId, String code) {
        return jdbc.sql(SELECT + " where tenant_id = ? and code = ?").params(tenantId, code).query(Depots::depot).optional();
    }

    static Depot depot(ResultSet rs, int row) throws SQLException {
        return new Depot(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("code"), rs.getString("name"),
                rs.getString("address"), rs.getDouble("latitude"), rs.getDouble("longitude"));
    }
}
