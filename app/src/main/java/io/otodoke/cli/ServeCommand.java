package io.otodoke.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Otodoke server (http://localhost:8080 by default).",
                "Settings as --name=value, e.g. --server.port=9090 --otodoke.data-dir=./data",
                "An external PostgreSQL: set OTODOKE_DB_URL, OTODOKE_DB_USER, OTODOKE_DB_PASSWORD."})
class ServeCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs;

    @Override
    public Integer call() throws InterruptedException {
        return runUntilStopped(Spring.server(Map.of(), springArgs));
    }

    static int runUntilStopped(ConfigurableApplicationContext context) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (context.isActive()) {
            closed.await();
        }
        return 0;
    }
}
