package io.otodoke.notify.web;

import io.otodoke.notify.LineAccount;
import io.otodoke.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The LINE official account's webhook: {@code POST /api/v1/line/webhook}. Owner: the installation's
 * LINE channel. Access: anyone, because LINE signs the body ({@code x-line-signature}) with the
 * channel secret; a call without a valid signature is refused and read no further.
 */
@RestController
class LineWebhookApi {

    /** LINE's calls are small; a megabyte is far more than a batch of events. */
    private static final int MAX_BODY = 1024 * 1024;

    private final LineAccount account;

    LineWebhookApi(LineAccount account) {
        this.account = account;
    }

    @PostMapping("/api/v1/line/webhook")
    @Operation(summary = "LINE official account webhook: links a user who sends their code, unlinks one who blocks",
            description = "Set this URL as the webhook URL of the Messaging API channel. Signed by LINE with "
                    + "x-line-signature (Base64 HMAC-SHA256 of the body with otodoke.notify.line.channel-secret).")
    Map<String, Object> receive(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw ProblemType.exception(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                    "A LINE webhook call has at most " + MAX_BODY + " bytes.");
        }
        return switch (account.receive(body, request.getHeader("x-line-signature"))) {
            case NOT_CONFIGURED -> throw ProblemType.exception(HttpStatus.NOT_FOUND, "line-not-configured",
                    "LINE not configured", "Set otodoke.notify.line.channel-access-token and channel-secret.");
            case INVALID_SIGNATURE -> throw ProblemType.exception(HttpStatus.UNAUTHORIZED, "invalid-signature",
                    "Invalid signature", "x-line-signature does not match the body signed with the channel secret.");
            case MALFORMED -> throw ProblemType.exception(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body",
                    "The body is not a LINE webhook object with an events array.");
            case READ -> Map.of();
        };
    }
}
