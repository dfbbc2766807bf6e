package io.otodoke.web;

import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff pages' form actions: post, then redirect to a page that shows what came of it. */
public final class PostRedirectGet {

    private PostRedirectGet() {
    }

    /**
     * Runs the action and redirects to {@code back} with {@code done} as a flash attribute; a refusal a
     * person can act on (a 4xx other than 403 and 404) comes back as the flash attributes {@code error}
     * (the problem type's last part) and {@code errorDetail}. Anything else propagates to the error page.
     */
    public static String act(String back, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (ErrorResponseException e) {
            int status = e.getStatusCode().value();
            if (status == 404 || status == 403 || !e.getStatusCode().is4xxClientError()) {
                throw e;
            }
            String type = String.valueOf(e.getBody().getType());
            redirect.addFlashAttribute("error", type.substring(type.lastIndexOf(':') + 1));
            redirect.addFlashAttribute("errorDetail", e.getBody().getDetail());
        }
        return back;
    }
}
