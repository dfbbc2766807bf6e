package io.otodoke.account;

import io.otodoke.database.DatabaseProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator's API key: {@code otodoke.api.key} when set; in demo mode the published demo key;
 * otherwise a random key generated once and kept in {@code <data-dir>/api-key} (readable by the
 * owner only) — the log says where it is, never what it is.
 */
@Component
public class OperatorApiKey {

    public static final String DEMO_KEY = "demo-operator-key";
    private static final Logger log = LoggerFactory.getLogger(OperatorApiKey.class);

    private final String value;

    OperatorApiKey(@Value("${otodoke.api.key:}") String configured, @Value("${otodoke.demo.enabled:false}") boolean demo,
                   DatabaseProperties properties) {
        if (!configured.isBlank()) {
            value = configured;
        } else if (demo) {
            value = DEMO_KEY;
        } else {
            value = fromFile(properties.dataDir().resolve("api-key"));
        }
    }

    String value() {
        return value;
    }

    private static String fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String key = HexFormat.of().formatHex(bytes);
            Files.writeString(file, key + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own permissions apply
            }
            log.info("Generated the operator API key in {} (set otodoke.api.key to choose your own)", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the API key file " + file, e);
        }
    }
}
