package io.otodoke.safety;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The reasons found so far, each (code, evidence) once; sorted by severity, then code, for a stable answer. */
final class Findings {

    private static final Comparator<Reason> ORDER = Comparator.comparing(Reason::severity).thenComparing(Reason::code);

    private final Set<Reason> reasons = new LinkedHashSet<>();

    void add(Signal signal, String evidence) {
        add(signal, signal.severity(), evidence);
    }

    void add(Signal signal, Severity severity, String evidence) {
        reasons.add(new Reason(signal, severity, evidence));
    }

    boolean has(Signal signal) {
        return reasons.stream().anyMatch(r -> r.code() == signal);
    }

    List<Reason> sorted() {
        List<Reason> list = new ArrayList<>(reasons);
        list.sort(ORDER);
        return list;
    }
}
