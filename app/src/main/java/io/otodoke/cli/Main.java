package io.otodoke.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code otodoke} command line: {@code ./otodoke <command> [options]}. */
@Command(name = "otodoke", mixinStandardHelpOptions = true, version = "Otodoke 0.1.0",
        description = "Open-source, self-hosted parcel tracking (お届け).",
        subcommands = {ServeCommand.class, DemoCommand.class, TrackCommand.class, DetectCommand.class, ImportCommand.class,
                AddUserCommand.class, ParseCommand.class,
                // the scam check (docs/safety.md)
                CheckUrlCommand.class, CheckMessageCommand.class, EvalSafetyCommand.class,
                RouteCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("Error: " + Errors.describe(ex)));
            return 2;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
