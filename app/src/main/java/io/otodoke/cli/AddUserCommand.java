package io.otodoke.cli;

import io.otodoke.account.Accounts;
import io.otodoke.account.Caller;
import io.otodoke.account.Role;
import io.otodoke.account.Seller;
import io.otodoke.account.Shop;
import io.otodoke.account.Tenants;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.web.ErrorResponseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "add-user", mixinStandardHelpOptions = true,
        description = {"Create a user who signs in with e-mail address and password — for example the first administrator.",
                "The password is asked for twice on the terminal (not shown); with --password-stdin it is the first line of standard input.",
                "Exit status: 0 when the user was created, 1 when the input was refused, 2 on other errors."})
class AddUserCommand implements Callable<Integer> {

    /** The command line is the installation's owner. */
    private static final Caller OWNER = new Caller(Role.ADMIN, null, null, null, null, "cli");

    @Parameters(paramLabel = "EMAIL", description = "the user's e-mail address, used to sign in")
    String email;

    @Option(names = "--role", required = true, description = "one of ${COMPLETION-CANDIDATES}")
    Role role;

    @Option(names = "--name", description = "the name shown in pages and the audit log (default: the address)")
    String name;

    @Option(names = "--tenant", description = "the tenant's code (default: the default tenant); not for ADMIN")
    String tenant;

    @Option(names = "--seller", description = "for a SELLER: the seller's code in the tenant")
    String seller;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input (for scripts)")
    boolean passwordStdin;

    @Option(names = "--demo", description = "add to the demo's data folder (" + DemoCommand.DATA_DIR + ")")
    boolean demo;

    @Unmatched
    List<String> springArgs;

    @Override
    public Integer call() throws IOException {
        char[] password = readPassword();
        if (password == null) {
            System.err.println("No password given: type it on a terminal, or pipe it with --password-stdin.");
            return 1;
        }
        var defaults = new HashMap<String, Object>();
        if (demo) {
            defaults.put("otodoke.data-dir", DemoCommand.DATA_DIR);
        }
        try (var context = Spring.offline(defaults, springArgs)) {
            Tenants tenants = context.getBean(Tenants.class);
            Long tenantId = null;
            Long sellerId = null;
            if (role != Role.ADMIN) {
                String code = tenant == null ? "default" : tenant;
                Shop shop = tenants.all().stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
                if (shop == null) {
                    System.err.println("No tenant '" + code + "'. Tenants: "
                            + tenants.all().stream().map(Shop::code).toList());
                    return 1;
                }
                tenantId = shop.id();
                if (seller != null) {
                    sellerId = tenants.seller(shop.id(), seller).map(Seller::id).orElse(-1L);
                }
            }
            var user = context.getBean(Accounts.class).create(OWNER, new Accounts.NewUser(email,
                    name == null ? email : name, role, tenantId, sellerId, new String(password)));
            System.out.printf("Created %s %s (user %d)%n", user.role(), user.email(), user.id());
            return 0;
        } catch (ErrorResponseException e) {
            System.err.println("Refused: " + e.getBody().getDetail());
            return 1;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] readPassword() throws IOException {
        Console console = System.console();
        if (!passwordStdin && console != null) {
            char[] first = console.readPassword("Password (12 characters or more): ");
            char[] again = console.readPassword("Password again: ");
            if (first == null || !Arrays.equals(first, again)) {
                System.err.println("The two passwords differ.");
                return null;
            }
            return first;
        }
        if (!passwordStdin) {
            return null;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null || line.isEmpty() ? null : line.toCharArray();
    }
}
