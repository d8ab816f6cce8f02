package dev.herder.agent.proxy;

import dev.herder.protocol.wire.ServiceRoutes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.AsPublisher;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;

/**
 * One port the proxy listens on: each accepted connection is joined, byte for byte and with back-pressure
 * both ways, to a connection to a ready backend. The backend connection is made before the client's is
 * joined to it, so one that refuses (or does not answer within the connect timeout) is passed over for the
 * next; only when none answers is the client's connection closed. All of it is Pekko Streams TCP: no thread
 * per connection.
 */
public final class Listener {
    /** Small writes (a request, an answer) go out at once, not after the peer's delayed ACK (Nagle). */
    private static final List<org.apache.pekko.io.Inet.SocketOption> NO_DELAY =
            List.of(org.apache.pekko.io.TcpSO.tcpNoDelay(true));
    private static final int BACKLOG = 1024;
    private final Tcp tcp;
    private final Materializer materializer;
    private final Duration connectTimeout;
    private final AtomicReference<Target> target = new AtomicReference<>(Target.NONE);
    private final AtomicLong counter = new AtomicLong();

    public Listener(Tcp tcp, Materializer materializer, Duration connectTimeout) {
        this.tcp = tcp;
        this.materializer = materializer;
        this.connectTimeout = connectTimeout;
    }

    public void target(Target next) {
        target.set(next);
    }

    Target target() {
        return target.get();
    }

    /** Starts listening; the stage completes with the binding, or fails when the port cannot be had. */
    public CompletionStage<Tcp.ServerBinding> bind(String address, int port) {
        return tcp.bind(address, port, BACKLOG, NO_DELAY, false, Optional.empty())
                .toMat(Sink.foreach(this::handle), Keep.left()).run(materializer);
    }

    private void handle(Tcp.IncomingConnection client) {
        List<ServiceRoutes.Backend> order = target.get().order(client.remoteAddress().getAddress(), counter);
        client.handleWith(Flow.completionStageFlow(connect(order, 0, null)), materializer);
    }

    /** A flow to the first backend from index i on that takes the connection. */
    private CompletionStage<Flow<ByteString, ByteString, NotUsed>> connect(List<ServiceRoutes.Backend> order, int i,
                                                                          Throwable last) {
        if (i >= order.size()) {
            return CompletableFuture.failedFuture(new IOException(order.isEmpty() ? "the service has no ready endpoints"
                    : "no endpoint took the connection; the last said: " + (last == null ? "?" : last.getMessage())));
        }
        ServiceRoutes.Backend b = order.get(i);
        Pair<Pair<Subscriber<ByteString>, CompletionStage<Tcp.OutgoingConnection>>, Publisher<ByteString>> ends =
                Source.<ByteString>asSubscriber()
                        .viaMat(tcp.outgoingConnection(new InetSocketAddress(b.ip(), b.port()), Optional.empty(),
                                NO_DELAY, true, Optional.of(connectTimeout), Optional.empty()), Keep.both())
                        .toMat(Sink.asPublisher(AsPublisher.WITHOUT_FANOUT), Keep.both())
                        .run(materializer);
        return ends.first().second().handle((connected, failure) -> failure == null
                ? CompletableFuture.completedFuture(Flow.<ByteString, ByteString>fromSinkAndSourceCoupled(
                        Sink.fromSubscriber(ends.first().first()), Source.fromPublisher(ends.second())))
                : connect(order, i + 1, failure)).thenCompose(f -> f);
    }
}
