package io.otodoke.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The best-known costs of vroom-scripts' BKS.json (bench/data/vrptw/README.md): for Solomon's instances
 * the entries named {@code <instance>_distance} hold the best known total distance when the number of
 * vans is free, which is what our objective minimises first.
 */
record BestKnownSolutions(JsonNode entries) {

    static final BestKnownSolutions NONE = new BestKnownSolutions(null);

    static BestKnownSolutions read(Path file) throws IOException {
        return new BestKnownSolutions(JsonMapper.builder().build().readTree(Files.readString(file)));
    }

    /** The given file, else a BKS.json beside the instance or one folder up, else none. */
    static BestKnownSolutions near(Path instance, Path given) throws IOException {
        if (given != null) {
            return read(given);
        }
        Path folder = instance.toAbsolutePath().getParent();
        for (Path dir : new Path[] {folder, folder.getParent()}) {
            if (dir != null && Files.isRegularFile(dir.resolve("BKS.json"))) {
                return read(dir.resolve("BKS.json"));
            }
        }
        return NONE;
    }

    OptionalDouble distance(String instance) {
        JsonNode entry = entries == null ? null : entries.get(instance + "_distance");
        return entry == null || !entry.has("best_known_cost") ? OptionalDouble.empty()
                : OptionalDouble.of(entry.get("best_known_cost").asDouble());
    }
}
