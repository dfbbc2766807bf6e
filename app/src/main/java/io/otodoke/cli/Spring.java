package io.otodoke.cli;

import io.otodoke.OtodokeApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application for a command, with Spring-style {@code --name=value} overrides. */
final class Spring {

    private Spring() {
    }

    static ConfigurableApplicationContext server(Map<String, Object> defaults, List<String> args) {
        SpringApplication app = new SpringApplication(OtodokeApplication.class);
        app.setDefaultProperties(defaults);
        return app.run(checked(args));
    }

    /** For commands that work on the local database and exit: no web server, quiet logs. */
    static ConfigurableApplicationContext offline(Map<String, Object> defaults, List<String> args) {
        Map<String, Object> props = new HashMap<>(defaults);
        props.put("otodoke.db.attach-if-running", "true");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.io.otodoke", "WARN");
        props.put("spring.main.log-startup-info", "false");
        SpringApplication app = new SpringApplication(OtodokeApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(props);
        return app.run(checked(args));
    }

    private static String[] checked(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args == null ? List.<String>of() : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("unknown argument '" + a + "': settings are given as --name=value, e.g. --server.port=9090");
            }
            out.add(a);
        }
        return out.toArray(String[]::new);
    }
}
