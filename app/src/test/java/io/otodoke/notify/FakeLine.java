package io.otodoke.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The push endpoint of the LINE Messaging API as its reference describes it, in this JVM: it checks
 * the bearer token, the JSON shape and the retry key, accepts a retry key once and answers a repeat
 * with 409. What it should answer for one user can be planned ahead, e.g. a 500 after accepting (the
 * answer lost on the way), a 400 for a user id it does not know, a 401 for a revoked token.
 */
class FakeLine implements AutoCloseable {

    static final String TOKEN = "test-line-token";

    /** One push as received; status is what the fake answered. */
    record Push(String to, String text, String retryKey, int status) {
    }

    /** One reply to a user's message, as received. */
    record Reply(String replyToken, String text) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Push> received = new CopyOnWriteArrayList<>();
    private final List<Reply> replies = new CopyOnWriteArrayList<>();
    private final Set<String> acceptedKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, Deque<String>> plans = new ConcurrentHashMap<>();

    FakeLine() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/bot/message/push", this::push);
        server.createContext("/v2/bot/message/reply", this::reply);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next answers for pushes to this user, in order: "500-accepted", "400", "401". */
    void plan(String userId, String... answers) {
        plans.put(userId, new ArrayDeque<>(List.of(answers)));
    }

    List<Push> to(String userId) {
        return received.stream().filter(p -> userId.equals(p.to())).toList();
    }

    /** The messages LINE took: each retry key once. */
    List<Push> accepted(String userId) {
        return to(userId).stream().filter(p -> p.status() == 200 || p.status() == 500).toList();
    }

    /** The replies to this reply token (LINE takes one). */
    List<Reply> repliesTo(String replyToken) {
        return replies.stream().filter(r -> replyToken.equals(r.replyToken())).toList();
    }

    /** The reply endpoint: bearer token, a reply token and one to five text messages; 200 with {}. */
    private void reply(HttpExchange x) throws IOException {
        int status = 400;
        try {
            JsonNode body = JSON.readTree(x.getRequestBody().readAllBytes());
            String token = body.path("replyToken").asString(null);
            String text = body.path("messages").path(0).path("text").asString(null);
            if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
            } else if (token != null && text != null && !text.isEmpty() && text.length() <= 5000) {
                replies.add(new Reply(token, text));
                status = 200;
            }
        } catch (RuntimeException e) {
            status = 400;
        }
        byte[] out = "{}".getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    private void push(HttpExchange x) throws IOException {
        String retryKey = x.getRequestHeaders().getFirst("X-Line-Retry-Key");
        JsonNode body;
        try {
            body = JSON.readTree(x.getRequestBody().readAllBytes());
        } catch (RuntimeException e) {
            answer(x, null, null, retryKey, 400);
            return;
        }
        String to = body.path("to").asString(null);
        JsonNode messages = body.path("messages");
        String text = messages.path(0).path("text").asString(null);
        if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            answer(x, to, text, retryKey, 401);
            return;
        }
        boolean shape = "POST".equals(x.getRequestMethod())
                && x.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")
                && to != null && messages.isArray() && messages.size() >= 1 && messages.size() <= 5
                && "text".equals(messages.path(0).path("type").asString(null))
                && text != null && !text.isEmpty() && text.length() <= 5000;
        if (!shape || retryKey == null || !isUuid(retryKey)) {
            answer(x, to, text, retryKey, 400);
            return;
        }
        String planned = plans.getOrDefault(to, new ArrayDeque<>()).poll();
        if (planned != null && !planned.equals("500-accepted")) {
            answer(x, to, text, retryKey, Integer.parseInt(planned));
            return;
        }
        if (!acceptedKeys.add(retryKey)) {
            answer(x, to, text, retryKey, 409);
            return;
        }
        answer(x, to, text, retryKey, planned == null ? 200 : 500);
    }

    private void answer(HttpExchange x, String to, String text, String retryKey, int status) throws IOException {
        received.add(new Push(to, text, retryKey, status));
        byte[] out = (status == 200 ? "{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}" : "{\"message\":\"fake\"}")
                .getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, out.length);
        x.getResponseBody().write(out);
        x.close();
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equals(s.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
