package io.otodoke;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, on a real embedded PostgreSQL in a fresh folder under
 * {@code target/}. Test classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "otodoke.data-dir=target/test-data/${random.uuid}",
        "otodoke.api.key=" + OtodokeTest.API_KEY,
        "otodoke.demo.enabled=false",
        "otodoke.connector.seventeentrack.webhook-key=" + OtodokeTest.SEVENTEENTRACK_KEY,
        "otodoke.connector.aftership.webhook-secret=" + OtodokeTest.AFTERSHIP_SECRET,
        "otodoke.webhooks.secret=" + OtodokeTest.WEBHOOK_SECRET,
        // A page's live event stream stays open for 30 minutes; a graceful stop would wait for the ones a test left open.
        "server.shutdown=immediate"})
public @interface OtodokeTest {
    String API_KEY = "test-operator-key";
    String SEVENTEENTRACK_KEY = "test-17track-key";
    String AFTERSHIP_SECRET = "test-aftership-secret";
    String WEBHOOK_SECRET = "test-webhook-secret";
}
