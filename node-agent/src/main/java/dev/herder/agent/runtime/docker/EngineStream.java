package dev.herder.agent.runtime.docker;

import dev.herder.agent.runtime.RuntimeFailure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One engine connection of its own, taken over ("hijacked", as the engine's API calls it) for an attached exec's
 * streams: the request goes out, the engine answers 101 and from then on the connection carries stdin one way and
 * the output the other. Its own connection, rather than one of docker-java's pool, because ending stdin is
 * half-closing it (shutdownOutput), which the shared client cannot do for one stream. One thread may read while
 * another writes.
 */
final class EngineStream implements AutoCloseable {
    private static final int MAX_HEADER = 64 * 1024;
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "herder-engine-stream-deadlines");
        t.setDaemon(true);
        return t;
    });
    private final SocketChannel channel;

    private EngineStream(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * Connects to the engine at host (unix:///path or tcp://host:port), posts body (JSON) to path asking to take the
     * connection over, and reads the answer's header within the deadline; an error answer fails with the engine's
     * message.
     */
    static EngineStream open(String host, String path, String body, Duration deadline) {
        SocketChannel channel = null;
        ScheduledFuture<?> watchdog = null;
        try {
            SocketAddress address = address(host);
            channel = SocketChannel.open(address instanceof UnixDomainSocketAddress ? StandardProtocolFamily.UNIX
                    : StandardProtocolFamily.INET);
            SocketChannel opened = channel;
            watchdog = DEADLINES.schedule(() -> closeQuietly(opened), deadline.toMillis(), TimeUnit.MILLISECONDS);
            channel.connect(address);
            byte[] json = body.getBytes(StandardCharsets.UTF_8);
            String request = "POST " + path + " HTTP/1.1\r\nHost: docker\r\nContent-Type: application/json\r\n"
                    + "Connection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: " + json.length + "\r\n\r\n";
            EngineStream stream = new EngineStream(channel);
            stream.write(request.getBytes(StandardCharsets.US_ASCII));
            stream.write(json);
            String header = stream.readHeader();
            int status = status(header);
            if (status != 101 && status != 200) {
                throw new RuntimeFailure("the engine refused to start the command: " + stream.errorBody(header),
                        status >= 500, null);
            }
            watchdog.cancel(false);
            return stream;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new RuntimeFailure("could not attach to the command through the Docker engine at " + host
                    + " within " + deadline.toMillis() + " ms: " + e.getMessage(), true, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    /** Reads up to buffer's length; -1 at the end of the output. */
    int read(byte[] buffer, int offset, int length) throws IOException {
        int n = 0;
        while (n == 0) {
            n = channel.read(ByteBuffer.wrap(buffer, offset, length));
        }
        return n;
    }

    /** Reads exactly length bytes; false when the output ended first. */
    boolean readFully(byte[] buffer, int length) throws IOException {
        int at = 0;
        while (at < length) {
            int n = read(buffer, at, length - at);
            if (n < 0) {
                return false;
            }
            at += n;
        }
        return true;
    }

    void write(byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Ends stdin: the engine closes the command's stdin once it has passed on what came before. */
    void endInput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private String readHeader() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        byte[] one = new byte[1];
        while (!endsWithBlankLine(header.toByteArray())) {
            if (read(one, 0, 1) < 0 || header.size() > MAX_HEADER) {
                throw new IOException("the engine closed the connection without a complete answer");
            }
            header.write(one[0]);
        }
        return header.toString(StandardCharsets.ISO_8859_1);
    }

    /** The body of an error answer (it has a Content-Length), for its message. */
    private String errorBody(String header) throws IOException {
        int length = 0;
        for (String line : header.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        byte[] body = new byte[Math.min(length, MAX_HEADER)];
        String text = readFully(body, body.length) ? new String(body, StandardCharsets.UTF_8) : "";
        int at = text.indexOf("\"message\":\"");
        return at >= 0 ? text.substring(at + 11, Math.max(at + 11, text.lastIndexOf('"'))) : header.split("\r\n")[0];
    }

    private static boolean endsWithBlankLine(byte[] b) {
        int n = b.length;
        return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }

    private static int status(String header) throws IOException {
        String[] words = header.split(" ", 3);
        try {
            return Integer.parseInt(words[1].strip());
        } catch (RuntimeException e) {
            throw new IOException("the engine answered something other than HTTP: " + header.lines().findFirst()
                    .orElse(""));
        }
    }

    private static SocketAddress address(String host) {
        URI uri = URI.create(host);
        if ("unix".equals(uri.getScheme())) {
            return UnixDomainSocketAddress.of(uri.getPath());
        }
        if ("tcp".equals(uri.getScheme())) {
            return new InetSocketAddress(uri.getHost(), uri.getPort());
        }
        throw new RuntimeFailure("herder.agent.docker.host \"" + host
                + "\" is neither unix:///path nor tcp://host:port",
                false, null);
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing: nothing more to do with it
        }
    }
}
