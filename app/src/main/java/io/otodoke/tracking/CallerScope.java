package io.otodoke.tracking;

import io.otodoke.account.Caller;
import java.util.ArrayList;
import java.util.List;

/**
 * What a caller may see of orders and shipments, as SQL conditions on {@code orders o} and
 * {@code shipments s}: the scope is part of every query, so another tenant's, seller's or
 * shopper's record is never read, and an id outside the scope is simply not found.
 *
 * <ul>
 *   <li>ADMIN: everything</li>
 *   <li>OPERATOR: its tenant</li>
 *   <li>SELLER: the orders of its own seller, and their shipments</li>
 *   <li>SHOPPER: the orders placed with their e-mail address in their tenant, and their shipments</li>
 *   <li>DRIVER, and nobody signed in: nothing here (a driver's route is the fleet's)</li>
 * </ul>
 */
record CallerScope(Condition orders, Condition shipments) {

    /** An SQL condition with its parameters. */
    record Condition(String sql, List<Object> params) {
    }

    private static final CallerScope NOTHING = new CallerScope(new Condition("false", List.of()),
            new Condition("false", List.of()));

    static CallerScope of(Caller c) {
        if (c == null) {
            return NOTHING;
        }
        return switch (c.role()) {
            case ADMIN -> new CallerScope(new Condition("true", List.of()), new Condition("true", List.of()));
            case OPERATOR -> new CallerScope(new Condition("o.tenant_id = ?", List.of(c.tenantId())),
                    new Condition("s.tenant_id = ?", List.of(c.tenantId())));
            case SELLER -> new CallerScope(
                    new Condition("o.tenant_id = ? and o.seller_id = ?", List.of(c.tenantId(), c.sellerId())),
                    new Condition("s.tenant_id = ? and s.order_id in (select o.id from orders o where o.seller_id = ?)",
                            List.of(c.tenantId(), c.sellerId())));
            case SHOPPER -> new CallerScope(
                    new Condition("o.tenant_id = ? and lower(o.customer_email) = lower(?)", List.of(c.tenantId(), c.email())),
                    new Condition("s.tenant_id = ? and s.order_id in (select o.id from orders o where o.tenant_id = ?"
                            + " and lower(o.customer_email) = lower(?))", List.of(c.tenantId(), c.tenantId(), c.email())));
            case DRIVER -> NOTHING;
        };
    }

    /** The parameters of a statement: {@code before}, the condition's, then {@code after}. */
    static Object[] params(List<?> before, Condition condition, Object... after) {
        List<Object> all = new ArrayList<>(before);
        all.addAll(condition.params());
        all.addAll(List.of(after));
        return all.toArray();
    }
}
