package io.otodoke.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Group commit of positions. A commit waits for the disk (PostgreSQL runs with {@code fsync} and
 * {@code synchronous_commit} on), so a transaction per phone request would cap the rate at the
 * disk's flushes per second. Requests queue their positions here instead; one writer thread takes
 * everything queued, stores it in one statement, so one commit ({@link Positions#record(List)}); a
 * second thread then announces it ({@link PositionsRecorded}) and only then completes each request's
 * future: a phone gets its 200 only for a committed position, and resends on anything else. The
 * two threads overlap: while the stops away of one batch are worked out, the next is being stored.
 * Batches are announced in the order they were committed.
 *
 * <p>The queue is bounded in positions: when the database cannot keep up, {@link #submit} refuses
 * at once ({@link Full}) and the request is answered 503 with {@code Retry-After}, rather than
 * piling up memory and latency.
 */
@Component
public class PositionWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PositionWriter.class);
    /** Positions waiting at most: five seconds of the target rate, and room for the largest JSON batch. */
    static final int CAPACITY = 50_000;
    /** Far longer than a commit takes; past it the database is stuck. */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** Seconds a refused phone is told to wait. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private final Positions positions;
    private final ApplicationEventPublisher publisher;
    private final int capacity;
    private final Semaphore room;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private volatile boolean stopping;
    private Thread writer;
    private ExecutorService announcer;

    @Autowired
    PositionWriter(Positions positions, ApplicationEventPublisher publisher) {
        this(positions, publisher, CAPACITY);
    }

    PositionWriter(Positions positions, ApplicationEventPublisher publisher, int capacity) {
        this.positions = positions;
        this.publisher = publisher;
        this.capacity = capacity;
        this.room = new Semaphore(capacity);
    }

    /** The queue is full, or the writer is stopping: nothing was stored, try again later. */
    public static final class Full extends RuntimeException {
        Full(String message) {
            super(message, null, false, false);
        }
    }

    private record Request(Positions.Received received, CompletableFuture<Void> done) {
    }

    /**
     * Queues the positions of one request, received at {@code at}. The future completes when they
     * are committed, or exceptionally when their transaction failed (then none of them is stored).
     *
     * @throws Full when the queue has no room for them, or the writer is stopping
     */
    public CompletableFuture<Void> submit(List<Positions.Located> located, Instant at) {
        if (located.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (stopping) {
            throw new Full("The position writer is stopping.");
        }
        if (!room.tryAcquire(located.size())) {
            throw new Full(capacity + " positions are waiting to be stored already.");
        }
        Request request = new Request(new Positions.Received(List.copyOf(located), at), new CompletableFuture<>());
        queue.add(request);
        return request.done();
    }

    /**
     * Queues the positions of one request and waits until they are committed.
     *
     * @throws Full when the queue has no room, the writer is stopping, or the commit takes longer
     *              than {@link #MAX_WAIT} (the database is stuck; the client should resend later)
     * @throws RuntimeException the failure of their transaction, when it failed
     */
    public void store(List<Positions.Located> located, Instant at) {
        try {
            submit(located, at).get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Full("The positions were not stored within " + MAX_WAIT.toSeconds() + " s.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("Storing positions failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while positions were being stored", e);
        }
    }

    /** Before the web servers: phones are answered only once the writer runs. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public synchronized void start() {
        if (writer != null) {
            return;
        }
        stopping = false;
        announcer = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("position-announcer").factory());
        writer = Thread.ofPlatform().name("position-writer").start(this::run);
    }

    /**
     * After the web servers stopped (a later phase): refuses new positions, stores those already
     * queued, and waits for the writer to finish its last transaction.
     */
    @Override
    public synchronized void stop() {
        if (writer == null) {
            return;
        }
        stopping = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            log.warn("The position writer did not finish in 30 s; its requests are failed");
        }
        announcer.shutdown();
        try {
            if (!announcer.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The positions stored were not all announced in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Whatever is left (the writer gave up, or a submit raced the stop) is answered, not left hanging.
        List<Request> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(r -> r.done().completeExceptionally(new Full("The position writer stopped.")));
        writer = null;
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    private void run() {
        List<Request> batch = new ArrayList<>();
        // Not interrupted to stop: an interrupt could abort the last transaction's JDBC calls.
        while (!stopping || !queue.isEmpty()) {
            Request first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            queue.drainTo(batch);
            write(batch);
            batch.clear();
        }
    }

    /**
     * One commit for the whole batch. The event is published after the commit and before the
     * answers, on the announcer thread, so whoever sees the 200 also sees what listeners derived
     * from the position (stops away); a listener's failure does not fail the requests, whose
     * positions are stored.
     */
    private void write(List<Request> batch) {
        List<Positions.Received> received = new ArrayList<>(batch.size());
        List<Positions.Located> located = new ArrayList<>(batch.size());
        int count = 0;
        for (Request r : batch) {
            received.add(r.received());
            located.addAll(r.received().positions());
            count += r.received().positions().size();
        }
        try {
            positions.record(received);
        } catch (RuntimeException e) {
            log.error("Storing {} positions of {} requests failed", count, batch.size(), e);
            room.release(count);
            batch.forEach(r -> r.done().completeExceptionally(e));
            return;
        }
        List<Request> answered = List.copyOf(batch);
        int stored = count;
        try {
            // the room is given back once announced: the capacity bounds what waits in both stages
            announcer.execute(() -> {
                try {
                    publisher.publishEvent(new PositionsRecorded(located));
                } catch (RuntimeException e) {
                    log.error("A listener of PositionsRecorded failed; the {} positions are stored", stored, e);
                }
                room.release(stored);
                answered.forEach(r -> r.done().complete(null));
            });
        } catch (RejectedExecutionException e) {
            // stopping took longer than its wait: stored, but no longer announced
            room.release(stored);
            answered.forEach(r -> r.done().complete(null));
        }
    }
}
