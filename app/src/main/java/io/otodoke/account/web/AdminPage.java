package io.otodoke.account.web;

import io.otodoke.account.Accounts;
import io.otodoke.account.AuditLog;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Tenants;
import io.otodoke.account.UserAccount;
import io.otodoke.web.PageController;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page (ADMIN, see SecurityConfiguration): every user with a form to change
 * the role, the tenants with their sellers, and the newest entries of the audit log.
 */
@PageController
class AdminPage {

    static final int AUDIT_ENTRIES = 100;

    private final Accounts accounts;
    private final Tenants tenants;
    private final AuditLog audit;

    AdminPage(Accounts accounts, Tenants tenants, AuditLog audit) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** An audit entry with its time in Japan time. */
    record AuditRow(AuditLog.Entry entry, LocalDateTime at) {
    }

    @GetMapping("/admin")
    String admin(@RequestParam(required = false) String action, Caller caller, Model model) {
        List<String> actions = audit.actions();
        String filter = actions.contains(action) ? action : null;
        model.addAttribute("users", accounts.users(caller));
        model.addAttribute("roles", Role.values());
        model.addAttribute("directory", StaffDirectory.of(tenants, caller));
        model.addAttribute("actions", actions);
        model.addAttribute("action", filter);
        model.addAttribute("auditLimit", AUDIT_ENTRIES);
        model.addAttribute("entries", audit.recent(AUDIT_ENTRIES, filter).stream()
                .map(e -> new AuditRow(e, StaffDirectory.japan(e.at()))).toList());
        return "account/admin";
    }

    /** Accounts.changeRole checks the place, audits the change and ends the user's sessions. */
    @PostMapping("/admin/users/{id}/role")
    String changeRole(@PathVariable long id, @RequestParam(required = false) Role role,
                      @RequestParam(required = false) Long tenantId, @RequestParam(required = false) Long sellerId,
                      Caller caller, RedirectAttributes flash) {
        try {
            UserAccount changed = accounts.changeRole(caller, id, role, tenantId, sellerId);
            flash.addFlashAttribute("changed", changed.email());
        } catch (ErrorResponseException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/admin#users";
    }
}
