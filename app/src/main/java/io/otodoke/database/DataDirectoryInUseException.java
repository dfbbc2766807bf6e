package io.otodoke.database;

import java.nio.file.Path;

/** Another Otodoke process runs the embedded database on the same data folder. */
public class DataDirectoryInUseException extends RuntimeException {
    public DataDirectoryInUseException(Path dataDir, int port) {
        super("The data folder " + dataDir.toAbsolutePath().normalize() + " is in use by another running Otodoke"
                + " (its database listens on port " + port + "). Stop that process, or choose another folder with"
                + " --otodoke.data-dir=PATH.");
    }
}
