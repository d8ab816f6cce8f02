package dev.herder.controlplane.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A watch listener that keeps what it hears and checks that no two of its calls overlap. */
final class RecordingListener implements WatchListener {
    private final List<WatchEvent> events = new ArrayList<>();
    private final AtomicInteger inside = new AtomicInteger();
    private long compactedAt = -1;
    private StoreException error;
    private boolean overlapped;

    @Override
    public void onEvents(List<WatchEvent> batch, long revision) {
        enter();
        synchronized (this) {
            events.addAll(batch);
            notifyAll();
        }
        inside.decrementAndGet();
    }

    @Override
    public void onCompacted(long compactRevision) {
        enter();
        synchronized (this) {
            compactedAt = compactRevision;
            notifyAll();
        }
        inside.decrementAndGet();
    }

    @Override
    public void onError(StoreException e) {
        enter();
        synchronized (this) {
            error = e;
            notifyAll();
        }
        inside.decrementAndGet();
    }

    /** Waits until the events heard so far satisfy done; fails after timeout. */
    synchronized List<WatchEvent> awaitEvents(Predicate<List<WatchEvent>> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(events) && error == null && compactedAt < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the watch did not deliver what was expected within " + timeout
                        + "; it delivered " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (error != null) {
            throw new AssertionError("the watch ended with an error", error);
        }
        return List.copyOf(events);
    }

    synchronized long awaitCompacted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (compactedAt < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the watch was not told of the compaction within " + timeout);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return compactedAt;
    }

    synchronized StoreException error() {
        return error;
    }

    synchronized boolean overlapped() {
        return overlapped;
    }

    private void enter() {
        if (inside.incrementAndGet() != 1) {
            synchronized (this) {
                overlapped = true;
            }
        }
    }
}
