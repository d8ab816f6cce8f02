package dev.herder.controlplane.store;

import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One {@link Store#watch}: hears jetcd's watch (which resumes by itself from the last revision it saw when a member
 * goes away) and hands the listener its changes, one call after the other, on the callback executor. After
 * onCompacted, onError or close nothing more reaches the listener.
 */
final class EtcdWatch implements Watch.Listener, AutoCloseable {
    private final WatchListener listener;
    private final SerialExecutor serial;
    private final EtcdErrors errors;
    private volatile boolean ended;
    private volatile Watch.Watcher watcher;
    private volatile Throwable lastError;
    /** The revision of the last event handed on; touched on the serial executor only. */
    private long delivered;

    private EtcdWatch(WatchListener listener, Executor callbacks, EtcdErrors errors, long fromRevision) {
        this.listener = listener;
        this.serial = new SerialExecutor(callbacks);
        this.errors = errors;
        this.delivered = fromRevision;
    }

    static EtcdWatch start(Watch client, String prefix, long fromRevision, WatchListener listener, Executor callbacks,
            EtcdErrors errors) {
        EtcdWatch watch = new EtcdWatch(listener, callbacks, errors, fromRevision);
        WatchOption option = WatchOption.builder().isPrefix(true).withRevision(fromRevision + 1).build();
        watch.watcher = client.watch(Guards.bytes(prefix), option, watch);
        if (watch.ended) {
            watch.watcher.close();
        }
        return watch;
    }

    @Override
    public void onNext(WatchResponse response) {
        lastError = null;
        if (ended || response.getEvents().isEmpty()) {
            return;
        }
        List<WatchEvent> events = new ArrayList<>(response.getEvents().size());
        for (io.etcd.jetcd.watch.WatchEvent event : response.getEvents()) {
            events.add(convert(event));
        }
        long revision = response.getHeader().getRevision();
        serial.execute(() -> deliver(events, revision));
    }

    /**
     * jetcd tells every error here, then either resumes the watch by itself (a member went away) or ends it with
     * {@link #onCompleted}; so an error ends the watch only when onCompleted follows it.
     */
    @Override
    public void onError(Throwable error) {
        Throwable cause = EtcdErrors.unwrap(error);
        if (cause instanceof CompactedException compacted) {
            end(() -> listener.onCompacted(compacted.getCompactedRevision()));
        } else {
            lastError = cause;
        }
    }

    @Override
    public void onCompleted() {
        Throwable cause = lastError != null ? lastError : new IllegalStateException("etcd ended the watch");
        end(() -> listener.onError(errors.read("watch", cause)));
    }

    @Override
    public void close() {
        end(() -> { });
    }

    private void deliver(List<WatchEvent> events, long revision) {
        if (ended) {
            return;
        }
        List<WatchEvent> fresh = events.stream().filter(e -> e.revision() > delivered).toList();
        if (!fresh.isEmpty()) {
            delivered = fresh.get(fresh.size() - 1).revision();
            listener.onEvents(fresh, Math.max(revision, delivered));
        }
    }

    private void end(Runnable last) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        Watch.Watcher current = watcher;
        if (current != null) {
            current.close();
        }
        serial.execute(last);
    }

    private static WatchEvent convert(io.etcd.jetcd.watch.WatchEvent event) {
        KeyValue kv = event.getKeyValue();
        String key = kv.getKey().toString(StandardCharsets.UTF_8);
        if (event.getEventType() == io.etcd.jetcd.watch.WatchEvent.EventType.DELETE) {
            return new WatchEvent.Deleted(key, kv.getModRevision());
        }
        return new WatchEvent.Put(new Versioned(key, kv.getValue().getBytes(), kv.getModRevision(),
                kv.getCreateRevision()));
    }
}
