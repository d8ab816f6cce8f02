package dev.herder.bench;

import dev.herder.cli.client.FailoverClient;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * FailoverBench's writer: one caller that applies a new pod, waits for the answer, pauses {@link #GAP} and applies
 * the next, through a {@link FailoverClient} of its own, from before a stop until after it. Each write is timed from
 * just before it is sent to its answer (or its failure: no answer within the client's whole timeout, or an answer
 * that is not a success). What a stop cost the writer is read off the writes that ended after it.
 */
final class FailoverWriter {
    /** Between one write's answer and the next write. The first write after a stop may start up to this late. */
    static final Duration GAP = Duration.ofMillis(50);

    private final FailoverClient client;
    private final String namePrefix;
    private final List<Write> writes = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;

    /** One write: sent and ended as System.nanoTime(), and whether it was acknowledged. */
    record Write(long sentAt, long endedAt, boolean acknowledged) {
    }

    /** What the writes that ended after a stop show; a time is -1 when it was not seen. */
    record Figures(long longestWaitMs, long msToFirstWrite, int writes, int failed) {
    }

    /** Starts writing pods named namePrefix-0, -1, ... through contacts, in that order (the first is tried first). */
    FailoverWriter(List<String> contacts, Duration attemptTimeout, Duration timeout, String namePrefix) {
        this.client = FailoverClient.connect(contacts, attemptTimeout, timeout);
        this.namePrefix = namePrefix;
        this.thread = new Thread(this::write, "failover-writer");
        // a write still waiting when the client closes must not keep the bench's JVM from ending
        thread.setDaemon(true);
        thread.start();
    }

    private void write() {
        for (int i = 0; !stopping; i++) {
            long sentAt = System.nanoTime();
            boolean acknowledged;
            try {
                ApiResponse rsp = client.call(new ApiRequest.Apply(List.of(BenchObjects.pod(namePrefix + "-" + i))));
                acknowledged = rsp instanceof ApiResponse.Applied a && a.allSucceeded();
            } catch (RuntimeException e) {
                acknowledged = false;
            }
            synchronized (writes) {
                writes.add(new Write(sentAt, System.nanoTime(), acknowledged));
            }
            try {
                Thread.sleep(GAP.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** host:port of the control-plane node the writer sends its next write to (the one that answered it last). */
    String node() {
        return client.currentContact();
    }

    /** How many writes were acknowledged so far. */
    int acknowledged() {
        synchronized (writes) {
            return (int) writes.stream().filter(Write::acknowledged).count();
        }
    }

    /** Stops writing once the write in flight has ended (at most the client's whole timeout), and closes the client. */
    void finish(Duration within) throws InterruptedException {
        stopping = true;
        thread.join(within.toMillis());
        thread.interrupt();
        client.close();
    }

    /**
     * The figures of the stop at stoppedAt (System.nanoTime()): the longest any write that ended after it waited
     * (the one in flight at the stop among them), and the stop → the acknowledgment of the first write sent after it.
     */
    Figures after(long stoppedAt) {
        List<Write> after;
        synchronized (writes) {
            after = writes.stream().filter(w -> w.endedAt() > stoppedAt).toList();
        }
        long longest = after.stream().mapToLong(w -> w.endedAt() - w.sentAt()).max().orElse(-1);
        long firstAck = after.stream().filter(w -> w.acknowledged() && w.sentAt() >= stoppedAt)
                .mapToLong(Write::endedAt).min().orElse(-1);
        int failed = (int) after.stream().filter(w -> !w.acknowledged()).count();
        return new Figures(longest < 0 ? -1 : longest / 1_000_000, firstAck < 0 ? -1 : (firstAck - stoppedAt) / 1_000_000,
                after.size(), failed);
    }
}
