package io.otodoke.delivery;

import io.otodoke.fleet.Routes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The carriers' change rules, read from {@code carrier/delivery-options.tsv} (the world is data:
 * one table), with the own fleet's slots from configuration.
 */
@Component
public class CarrierChangeDirectory {

    private final Map<String, CarrierChangeRules> rules;

    public CarrierChangeDirectory(DeliveryProperties properties) {
        this.rules = load(properties.ownFleetSlots().stream().map(TimeSlot::parse).toList());
    }

    /** The carrier's rules; empty for a carrier whose changes Otodoke does not know. */
    public Optional<CarrierChangeRules> of(String carrier) {
        return Optional.ofNullable(rules.get(carrier));
    }

    private static Map<String, CarrierChangeRules> load(List<TimeSlot> ownFleetSlots) {
        Map<String, CarrierChangeRules> result = new LinkedHashMap<>();
        try (InputStream in = CarrierChangeDirectory.class.getResourceAsStream("/carrier/delivery-options.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code\t")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String code = f[0].strip();
                List<TimeSlot> slots = code.equals(Routes.OWN_FLEET) ? ownFleetSlots
                        : Arrays.stream(f[2].split(",")).filter(s -> !s.isBlank()).map(TimeSlot::parse).toList();
                Set<Place> places = EnumSet.noneOf(Place.class);
                Arrays.stream(f[3].split(",")).filter(s -> !s.isBlank()).map(s -> Place.valueOf(s.strip()))
                        .forEach(places::add);
                result.put(code, new CarrierChangeRules(code, f[1].isBlank() ? null : f[1].strip(), slots, places));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
