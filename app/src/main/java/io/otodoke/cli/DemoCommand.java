package io.otodoke.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run Otodoke with a simulated shop: about 200 orders whose parcels move in accelerated time.",
                "Open http://localhost:8080. Data is kept in ./data-demo (--otodoke.data-dir=PATH to change).",
                "Settings as --name=value, e.g. --server.port=9090 --otodoke.demo.speed=60"})
class DemoCommand implements Callable<Integer> {

    static final String DATA_DIR = "./data-demo";

    @Unmatched
    List<String> springArgs;

    @Override
    public Integer call() throws InterruptedException {
        return ServeCommand.runUntilStopped(Spring.server(
                // The pollers ask the demo's own carrier simulator (DemoSimulator), often, as its time runs fast.
                Map.of("otodoke.demo.enabled", "true", "otodoke.data-dir", DATA_DIR, "otodoke.connector.poll-every", "5s"),
                springArgs));
    }
}
