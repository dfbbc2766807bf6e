package io.otodoke.account.web;

import io.otodoke.account.Accounts;
import io.otodoke.account.Caller;
import io.otodoke.account.Credential;
import io.otodoke.account.Credentials;
import io.otodoke.account.Role;
import io.otodoke.account.Tenants;
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
 * Everyone's own account page (any signed-in user): who I am, the API keys
 * and device tokens I may see and revoke, and forms to issue them. A new secret is shown once,
 * on the page the form redirects to (a flash attribute), and never again.
 */
@PageController
class AccountPage {

    private final Accounts accounts;
    private final Credentials credentials;
    private final Tenants tenants;

    AccountPage(Accounts accounts, Credentials credentials, Tenants tenants) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.tenants = tenants;
    }

    /** A credential as listed, times in Japan time. */
    record Row(Credential credential, LocalDateTime createdAt, LocalDateTime lastUsedAt, LocalDateTime revokedAt) {
    }

    /** A secret just issued, for the one page that shows it. */
    record Issued(long id, String name, Credential.Kind kind, String secret) {

        static Issued of(Credential.Issued issued) {
            return new Issued(issued.credential().id(), issued.credential().name(), issued.credential().kind(), issued.secret());
        }
    }

    @GetMapping("/account")
    String account(Caller caller, Model model) {
        StaffDirectory directory = StaffDirectory.of(tenants, caller);
        model.addAttribute("me", accounts.me(caller).orElse(null));
        model.addAttribute("caller", caller);
        model.addAttribute("directory", directory);
        model.addAttribute("credentials", caller.is(Role.SHOPPER) ? List.of() : credentials.visibleTo(caller).stream()
                .map(c -> new Row(c, StaffDirectory.japan(c.createdAt()), StaffDirectory.japan(c.lastUsedAt()),
                        StaffDirectory.japan(c.revokedAt())))
                .toList());
        model.addAttribute("keyRoles", keyRoles(caller.role()));
        model.addAttribute("sellers", caller.is(Role.OPERATOR) ? tenants.sellers(caller.tenantId()) : List.of());
        return "account/account";
    }

    /** What the caller may issue (Credentials.issueApiKey decides; this only offers the choices that can succeed). */
    private static List<Role> keyRoles(Role role) {
        return switch (role) {
            case ADMIN -> List.of(Role.OPERATOR, Role.SELLER, Role.ADMIN);
            case OPERATOR -> List.of(Role.OPERATOR, Role.SELLER);
            case SELLER -> List.of(Role.SELLER);
            case SHOPPER, DRIVER -> List.of();
        };
    }

    @PostMapping("/account/api-keys")
    String issueApiKey(@RequestParam(required = false) String name, @RequestParam(required = false) Role role,
                       @RequestParam(required = false) Long tenantId, @RequestParam(required = false) Long sellerId,
                       Caller caller, RedirectAttributes flash) {
        try {
            var issued = credentials.issueApiKey(caller, name, role, tenantId, sellerId);
            flash.addFlashAttribute("issued", Issued.of(issued));
        } catch (ErrorResponseException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/account";
    }

    /** A driver registers the phone in hand: a device token for the driver himself. */
    @PostMapping("/account/device-tokens")
    String issueDeviceToken(@RequestParam(required = false) String name, Caller caller, RedirectAttributes flash) {
        try {
            var issued = credentials.issueDeviceToken(caller, caller.userId() == null ? -1 : caller.userId(), name);
            flash.addFlashAttribute("issued", Issued.of(issued));
        } catch (ErrorResponseException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/credentials/{id}/revoke")
    String revoke(@PathVariable long id, Caller caller, RedirectAttributes flash) {
        try {
            Credential revoked = credentials.revoke(caller, id);
            flash.addFlashAttribute("revoked", revoked.name());
        } catch (ErrorResponseException e) {
            flash.addFlashAttribute("error", e.getBody().getDetail());
        }
        return "redirect:/account";
    }
}
