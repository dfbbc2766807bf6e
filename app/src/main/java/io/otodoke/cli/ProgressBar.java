package io.otodoke.cli;

import java.io.PrintStream;

/**
 * A progress bar on standard error for long CLI work: redrawn in place on a terminal, a line
 * every tenth otherwise (so logs of scripted runs stay readable).
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int lastTenth = -1;

    ProgressBar(String label, long total) {
        this(System.err, label, total, System.console() != null);
    }

    ProgressBar(PrintStream out, String label, long total, boolean terminal) {
        this.out = out;
        this.label = label;
        this.total = Math.max(total, 1);
        this.terminal = terminal;
    }

    void update(long done) {
        int percent = (int) Math.min(100, done * 100 / total);
        if (terminal) {
            int filled = percent * WIDTH / 100;
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("\r%s [%s%s] %3d%% %d/%d %.1fs", label, "█".repeat(filled), "░".repeat(WIDTH - filled), percent,
                    done, total, seconds);
            out.flush();
        } else if (percent / 10 > lastTenth) {
            lastTenth = percent / 10;
            out.printf("%s %d%% (%d/%d)%n", label, percent, done, total);
        }
    }

    void finish(long done) {
        update(done);
        if (terminal) {
            out.println();
        }
    }
}
