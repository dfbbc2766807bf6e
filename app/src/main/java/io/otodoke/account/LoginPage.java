package io.otodoke.account;

import io.otodoke.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form; Spring Security checks the POST (SecurityConfiguration) and comes back with
 * {@code ?error} when the credentials are wrong. In demo mode the page lists the demo users with
 * their passwords, so that anyone trying the demo can sign in.
 */
@PageController
class LoginPage {

    private final DemoUsers demoUsers;

    LoginPage(DemoUsers demoUsers) {
        this.demoUsers = demoUsers;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("demoUsers", demoUsers.list());
        return "account/login";
    }
}
