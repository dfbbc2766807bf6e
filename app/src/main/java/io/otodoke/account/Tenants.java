package io.otodoke.account;

import io.otodoke.web.ProblemType;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tenants (shops and marketplaces) and the sellers of a marketplace. */
@Service
public class Tenants {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Tenants(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Shop> all() {
        return jdbc.sql("select id, code, name, marketplace from tenants order by id")
                .query((rs, i) -> new Shop(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list();
    }

    public Optional<Shop> find(long id) {
        return all().stream().filter(s -> s.id() == id).findFirst();
    }

    @Transactional
    public Shop create(Caller by, String code, String name, boolean marketplace) {
        checkCode(code);
        checkName(name);
        if (jdbc.sql("select count(*) from tenants where code = ?").param(code).query(Long.class).single() > 0) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "duplicate", "Already exists", "A tenant '" + code + "' exists.");
        }
        long id = jdbc.sql("insert into tenants (code, name, marketplace) values (?, ?, ?) returning id")
                .params(code, name, marketplace).query(Long.class).single();
        audit.record(by, id, "TENANT_CREATED", "tenant:" + id);
        return new Shop(id, code, name, marketplace);
    }

    /** Renames a tenant and sets whether it hosts sellers (the demo's shop does). */
    public void describe(long id, String name, boolean marketplace) {
        jdbc.sql("update tenants set name = ?, marketplace = ? where id = ?").params(name, marketplace, id).update();
    }

    public List<Seller> sellers(long tenantId) {
        return jdbc.sql("select id, tenant_id, code, name, contact from sellers where tenant_id = ? order by id").param(tenantId)
                .query((rs, i) -> new Seller(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
    }

    public Optional<Seller> seller(long tenantId, String code) {
        return sellers(tenantId).stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<Seller> seller(long id) {
        return jdbc.sql("select id, tenant_id, code, name, contact from sellers where id = ?").param(id)
                .query((rs, i) -> new Seller(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5))).optional();
    }

    @Transactional
    public Seller createSeller(Caller by, long tenantId, String code, String name) {
        checkCode(code);
        checkName(name);
        Shop shop = find(tenantId).orElseThrow(() -> ProblemType.notFound("Tenant " + tenantId));
        if (!shop.marketplace()) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "not-a-marketplace", "Not a marketplace",
                    "Sellers belong to a marketplace tenant; '" + shop.code() + "' is a shop.");
        }
        if (seller(tenantId, code).isPresent()) {
            throw ProblemType.exception(HttpStatus.CONFLICT, "duplicate", "Already exists", "A seller '" + code + "' exists.");
        }
        long id = jdbc.sql("insert into sellers (tenant_id, code, name) values (?, ?, ?) returning id")
                .params(tenantId, code, name).query(Long.class).single();
        audit.record(by, tenantId, "SELLER_CREATED", "seller:" + id);
        return new Seller(id, tenantId, code, name);
    }

    /**
     * Sets how shoppers reach a seller: an e-mail address or an https URL, or null to send them
     * through the shop. Only the seller itself or its tenant's operator.
     */
    @Transactional
    public Seller sellerContact(Caller by, long sellerId, String contact) {
        Seller seller = seller(sellerId).filter(s -> by.is(Role.SELLER) ? Long.valueOf(sellerId).equals(by.sellerId())
                : by.is(Role.OPERATOR) && Long.valueOf(s.tenantId()).equals(by.tenantId()))
                .orElseThrow(() -> ProblemType.notFound("Seller " + sellerId));
        String value = contact == null || contact.isBlank() ? null : contact.trim();
        if (value != null && (value.length() > 200 || !(value.startsWith("https://")
                || value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")))) {
            throw ProblemType.invalidField("contact", "a contact is an e-mail address or an https:// URL");
        }
        jdbc.sql("update sellers set contact = ? where id = ?").params(value, sellerId).update();
        audit.record(by, seller.tenantId(), "SELLER_CONTACT_CHANGED", "seller:" + sellerId);
        return new Seller(seller.id(), seller.tenantId(), seller.code(), seller.name(), value);
    }

    private static void checkCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ProblemType.exception(HttpStatus.BAD_REQUEST, "invalid-code", "Invalid code",
                    "A code is 1 to 40 lower-case letters, digits and hyphens, e.g. 'tea-shop'.");
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ProblemType.exception(HttpStatus.BAD_REQUEST, "invalid-name", "Invalid name", "A name has 1 to 200 characters.");
        }
    }
}
