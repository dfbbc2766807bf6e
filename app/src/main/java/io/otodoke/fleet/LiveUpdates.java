package io.otodoke.fleet;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Who is watching which shipment live (the recipient pages' Server-Sent Events), told when its route
 * changed. Each watcher runs on its own virtual thread, and a watcher still busy with the last change
 * is not queued again: a slow phone never holds up the positions of the fleet.
 */
@Component
public class LiveUpdates implements DisposableBean {

    private final Map<Long, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private static final class Watcher {
        final Runnable onChange;
        final AtomicBoolean pending = new AtomicBoolean();

        Watcher(Runnable onChange) {
            this.onChange = onChange;
        }
    }

    /** Calls {@code onChange} after each change of the shipment's route until the returned handle is closed. */
    public AutoCloseable watch(long shipmentId, Runnable onChange) {
        Watcher w = new Watcher(onChange);
        watchers.computeIfAbsent(shipmentId, k -> ConcurrentHashMap.newKeySet()).add(w);
        return () -> watchers.computeIfPresent(shipmentId, (k, set) -> {
            set.remove(w);
            return set.isEmpty() ? null : set;
        });
    }

    /** Whether anybody watches at all: when nobody does, a change need not list its shipments. */
    boolean watching() {
        return !watchers.isEmpty();
    }

    void changed(Collection<Long> shipmentIds) {
        if (watchers.isEmpty()) {
            return;
        }
        for (long id : shipmentIds) {
            Set<Watcher> set = watchers.get(id);
            if (set == null) {
                continue;
            }
            for (Watcher w : set) {
                if (w.pending.compareAndSet(false, true)) {
                    executor.execute(() -> {
                        w.pending.set(false);
                        w.onChange.run();
                    });
                }
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
