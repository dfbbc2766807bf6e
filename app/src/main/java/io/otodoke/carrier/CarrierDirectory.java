package io.otodoke.carrier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The carriers Otodoke knows, read from {@code carrier/carriers.tsv} (the world is data: one
 * table, sourced from design/carriers.md §1).
 */
@Component
public class CarrierDirectory {

    private final Map<String, Carrier> carriers;

    public CarrierDirectory() {
        this.carriers = load();
    }

    public Optional<Carrier> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(carriers.get(code));
    }

    public boolean isKnown(String code) {
        return code != null && carriers.containsKey(code);
    }

    public Collection<Carrier> all() {
        return Collections.unmodifiableCollection(carriers.values());
    }

    private static Map<String, Carrier> load() {
        Map<String, Carrier> result = new LinkedHashMap<>();
        try (InputStream in = CarrierDirectory.class.getResourceAsStream("/carrier/carriers.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code\t")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<String> senderDomains = f[7].isBlank() ? List.of() : List.of(f[7].trim().split(","));
                result.put(f[0], new Carrier(f[0], blankToNull(f[1]), blankToNull(f[2]), blankToNull(f[3]),
                        blankToNull(f[4]), blankToNull(f[5]), Boolean.parseBoolean(f[6]), senderDomains,
                        Boolean.parseBoolean(f[8]), Boolean.parseBoolean(f[9])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
