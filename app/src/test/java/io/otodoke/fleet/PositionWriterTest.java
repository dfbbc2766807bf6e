package io.otodoke.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otodoke.OtodokeTest;
import io.otodoke.account.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The group commit on the real database: writers of their own (so a test may queue before the
 * writer starts, and see what it announces) over the application's {@link Positions}.
 */
@OtodokeTest
class PositionWriterTest {

    @Autowired
    Positions positions;
    @Autowired
    PositionWriter applicationWriter;
    @Autowired
    JdbcClient jdbc;

    final List<Object> announced = new CopyOnWriteArrayList<>();
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void concurrentRequestsAreAllStoredAnnouncedAndTheNewestIsCurrent() throws Exception {
        long vehicle = vehicle();
        PositionWriter writer = writer(PositionWriter.CAPACITY);
        writer.start();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // Sent in an order that is not device time order, as phones with a backlog do.
                int age = (i * 37) % 200 + 1;
                requests.add(pool.submit(() -> writer.store(List.of(at(vehicle, age, 35.0 + age / 1000.0)), now)));
            }
            for (Future<?> r : requests) {
                r.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writer.stop();
        }
        assertThat(positions.track(vehicle)).hasSize(200);
        assertThat(currentLatitude(vehicle)).isEqualTo(35.001); // age 1 s: the newest
        assertThat(announced).allSatisfy(e -> assertThat(e).isInstanceOf(PositionsRecorded.class));
        assertThat(announced.stream().mapToInt(e -> ((PositionsRecorded) e).positions().size()).sum()).isEqualTo(200);
        assertThat(announced.size()).as("transactions").isLessThanOrEqualTo(200);
    }

    @Test
    void optionalNumbersAreStoredAsGivenWhetherAllSomeOrNoneOfABatchHaveThem() {
        long vehicle = vehicle();
        positions.record(List.of(new Positions.Received(List.of(
                new Positions.Located(vehicle, new PositionReport("phone", now.minusSeconds(3), 35.1, 139.7, 5.0, null,
                        null, null, 80.0, Map.of())),
                new Positions.Located(vehicle, new PositionReport("phone", now.minusSeconds(2), 35.2, 139.7, 6.0, 90.0,
                        null, null, null, Map.of("ignition", "true"))),
                new Positions.Located(vehicle, new PositionReport("phone", now.minusSeconds(1), 35.3, 139.7, 7.0, null,
                        null, null, null, Map.of()))), now)));
        // speed: all given (binary array); heading, battery: some (text array); altitude, accuracy: none (null)
        assertThat(jdbc.sql("""
                select speed || '/' || coalesce(heading::text, '-') || '/' || coalesce(altitude::text, '-') || '/'
                       || coalesce(accuracy::text, '-') || '/' || coalesce(battery::text, '-') || '/' || attributes::text
                from positions where vehicle_id = ? order by device_time""").param(vehicle).query(String.class).list())
                .containsExactly("5/-/-/-/80/{}", "6/90/-/-/-/{\"ignition\": \"true\"}", "7/-/-/-/-/{}");
    }

    @Test
    void theCurrentPositionMovesOnlyForwardInDeviceTime() {
        long vehicle = vehicle();
        applicationWriter.store(List.of(at(vehicle, 60, 35.1)), now);
        applicationWriter.store(List.of(at(vehicle, 120, 35.2)), now); // late
        applicationWriter.store(List.of(at(vehicle, 60, 35.3)), now); // the same time again
        assertThat(positions.track(vehicle)).hasSize(3);
        assertThat(currentLatitude(vehicle)).isEqualTo(35.1);
        // Within one batch too: the newest wins, and of equal times the first received.
        applicationWriter.store(List.of(at(vehicle, 30, 35.4), at(vehicle, 10, 35.5), at(vehicle, 10, 35.6),
                at(vehicle, 20, 35.7)), now);
        assertThat(currentLatitude(vehicle)).isEqualTo(35.5);
    }

    @Test
    void aFailedTransactionFailsEveryRequestOfItsBatchAndTheWriterGoesOn() throws Exception {
        long vehicle = vehicle();
        PositionWriter writer = writer(PositionWriter.CAPACITY);
        // Queued before the writer runs, so the three are one batch; latitude 95 breaks the table's check
        // (the writer is handed checked reports only; this stands for any failure of the statement).
        CompletableFuture<Void> good = writer.submit(List.of(at(vehicle, 30, 35.1)), now);
        CompletableFuture<Void> bad = writer.submit(List.of(at(vehicle, 25, 95.0)), now);
        CompletableFuture<Void> alsoGood = writer.submit(List.of(at(vehicle, 20, 35.3)), now);
        writer.start();
        try {
            for (CompletableFuture<Void> f : List.of(good, bad, alsoGood)) {
                assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            }
            assertThat(positions.track(vehicle)).isEmpty();
            assertThat(announced).isEmpty();
            writer.store(List.of(at(vehicle, 10, 35.4)), now);
        } finally {
            writer.stop();
        }
        assertThat(positions.track(vehicle)).hasSize(1);
    }

    @Test
    void aFullQueueRefusesAtOnceAndStopStoresWhatIsQueuedThenRefuses() throws Exception {
        long vehicle = vehicle();
        PositionWriter writer = writer(3);
        CompletableFuture<Void> two = writer.submit(List.of(at(vehicle, 30, 35.1), at(vehicle, 20, 35.2)), now);
        assertThatThrownBy(() -> writer.submit(List.of(at(vehicle, 10, 35.3), at(vehicle, 5, 35.4)), now))
                .isInstanceOf(PositionWriter.Full.class);
        CompletableFuture<Void> one = writer.submit(List.of(at(vehicle, 10, 35.3)), now);
        writer.start();
        writer.stop();
        assertThat(two).isCompleted();
        assertThat(one).isCompleted();
        assertThat(positions.track(vehicle)).hasSize(3);
        assertThatThrownBy(() -> writer.submit(List.of(at(vehicle, 1, 35.5)), now))
                .isInstanceOf(PositionWriter.Full.class);
    }

    private PositionWriter writer(int capacity) {
        return new PositionWriter(positions, announced::add, capacity);
    }

    private Positions.Located at(long vehicle, int secondsAgo, double latitude) {
        return new Positions.Located(vehicle, new PositionReport("phone", now.minusSeconds(secondsAgo), latitude, 139.7,
                null, null, null, null, null, Map.of()));
    }

    private long vehicle() {
        String device = "writer-test-" + UUID.randomUUID();
        return jdbc.sql("insert into vehicles (tenant_id, device_id, name) values (?, ?, ?) returning id")
                .params(Tenant.DEFAULT_ID, device, device).query(Long.class).single();
    }

    private double currentLatitude(long vehicle) {
        return jdbc.sql("select latitude from positions where vehicle_id = ? order by device_time desc, id limit 1")
                .param(vehicle).query(Double.class).single();
    }
}
