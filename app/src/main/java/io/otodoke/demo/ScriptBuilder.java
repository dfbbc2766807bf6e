package io.otodoke.demo;

import io.otodoke.demo.DemoCarrierWords.Word;
import io.otodoke.tracking.EventLocation;
import io.otodoke.tracking.TimePrecision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one shipment's script in carrier order. Times are minutes since the origin
 * ({@link WallClock}); the script stores them relative to the order. A script that would go back
 * in time or scan at night is a bug in its writer and fails at once.
 */
final class ScriptBuilder {

    private final long orderedAt;
    private final List<Word> words;
    private final List<ScriptedEvent> events = new ArrayList<>();
    private long last;

    ScriptBuilder(long orderedAt, List<Word> words) {
        this.orderedAt = orderedAt;
        this.words = words;
        this.last = orderedAt;
    }

    /** The time of the latest event so far (the order time before the first). */
    long last() {
        return last;
    }

    ScriptBuilder add(long t, String textOrCode, EventLocation where) {
        return add(t, DemoCarrierWords.word(words, textOrCode), where, TimePrecision.MINUTE);
    }

    ScriptBuilder addDateOnly(long t, String textOrCode, EventLocation where) {
        return add(t, DemoCarrierWords.word(words, textOrCode), where, TimePrecision.DAY);
    }

    ScriptBuilder add(long t, Word word, EventLocation where) {
        return add(t, word, where, TimePrecision.MINUTE);
    }

    private ScriptBuilder add(long t, Word word, EventLocation where, TimePrecision precision) {
        if (t < last) {
            throw new IllegalStateException(word.rawText() + " at " + t + " is before " + last);
        }
        if (!WallClock.duringScanHours(t)) {
            throw new IllegalStateException(word.rawText() + " outside scanning hours: " + t);
        }
        if (!words.contains(word)) {
            throw new IllegalArgumentException(word + " is not in this carrier's words");
        }
        events.add(new ScriptedEvent(Duration.ofMinutes(t - orderedAt), word.status(), word.reason(),
                word.rawCode(), word.rawText(), where, precision));
        last = t;
        return this;
    }

    List<ScriptedEvent> build() {
        return List.copyOf(events);
    }
}
