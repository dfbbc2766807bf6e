package io.otodoke.cli;

import io.otodoke.account.Tenants;
import io.otodoke.tracking.ItemError;
import io.otodoke.tracking.ShipmentCsv;
import io.otodoke.tracking.ShipmentRegistry;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Register shipments from a CSV file (UTF-8, header row; columns in docs/api.md#csv-import).",
                "Bad rows are reported with their line numbers and reasons; good rows are kept.",
                "Exit status: 0 when every row was imported, 1 when some rows were rejected, 2 when the file could not be read."})
class ImportCommand implements Callable<Integer> {

    static final int BATCH = 500;

    @Parameters(paramLabel = "FILE.csv", description = "the CSV file")
    Path file;

    @Option(names = "--tenant", description = "the tenant's code (default: the default tenant)")
    String tenant;

    @Option(names = "--demo", description = "import into the demo's data folder (" + DemoCommand.DATA_DIR + ")")
    boolean demo;

    @Unmatched
    List<String> springArgs;

    @Override
    public Integer call() {
        ShipmentCsv.Parsed parsed;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parsed = ShipmentCsv.read(reader);
        } catch (NoSuchFileException e) {
            System.err.println("File not found: " + file);
            return 2;
        } catch (CharacterCodingException e) {
            System.err.println(file + " is not UTF-8 text; save it as UTF-8 (Excel: 'CSV UTF-8').");
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("Cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        List<ItemError> problems = new ArrayList<>(parsed.errors());
        int created = 0;
        int existing = 0;
        var defaults = new java.util.HashMap<String, Object>();
        if (demo) {
            defaults.put("otodoke.data-dir", DemoCommand.DATA_DIR);
        }
        try (var context = Spring.offline(defaults, springArgs)) {
            ShipmentRegistry registry = context.getBean(ShipmentRegistry.class);
            String code = tenant == null ? "default" : tenant;
            var shop = context.getBean(Tenants.class).all().stream().filter(t -> t.code().equals(code)).findFirst();
            if (shop.isEmpty()) {
                System.err.println("No tenant '" + code + "'.");
                return 2;
            }
            ProgressBar progress = new ProgressBar("Importing", parsed.rows().size());
            for (int from = 0; from < parsed.rows().size(); from += BATCH) {
                var batch = parsed.rows().subList(from, Math.min(from + BATCH, parsed.rows().size()));
                var outcomes = registry.register(shop.get().id(), batch.stream().map(ShipmentCsv.Row::registration).toList());
                for (var o : outcomes) {
                    if (o.error() != null) {
                        var e = o.error();
                        problems.add(new ItemError(batch.get(o.index()).line(), e.code(), e.field(), e.detail()));
                    } else if (o.created()) {
                        created++;
                    } else {
                        existing++;
                    }
                }
                progress.update(Math.min(from + BATCH, parsed.rows().size()));
            }
            progress.finish(parsed.rows().size());
        }
        problems.sort((a, b) -> Integer.compare(a.index(), b.index()));
        problems.forEach(e -> System.err.println(format(e)));
        System.out.printf("%d shipments imported, %d already registered, %d rows rejected%n", created, existing, problems.size());
        return problems.isEmpty() ? 0 : 1;
    }

    private static String format(ItemError e) {
        return String.format("line %d: %s%s", e.index(), e.detail(), e.field() == null ? "" : " (" + e.field() + ")");
    }
}
