package dev.herder.agent.probes;

import dev.herder.agent.runtime.ContainerRuntime;
import dev.herder.agent.runtime.ExecResult;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ExecAction;
import dev.herder.protocol.api.Probe;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one probe once, as the kubelet's prober does: exec in the container (passing on exit code 0), httpGet
 * (passing on a status from 200 to 399) or tcpSocket (passing when a connection is made). It blocks, so it is
 * called off the actors' threads, and never for longer than the probe's timeoutSeconds: a check still running
 * then is abandoned and counts as a failure. Whatever goes wrong is a failed {@link ProbeResult} saying what
 * was tried and why it failed; run never throws.
 */
public final class ProbeRunner implements AutoCloseable {

    /** How much of an exec probe's output is kept in its message. */
    static final int MAX_OUTPUT_CHARS = 300;

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ContainerRuntime runtime;
    private final HttpGetCheck http = new HttpGetCheck();
    private final ExecutorService checks = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "herder-probe-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public ProbeRunner(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /** Runs the probe of this container (by the runtime's id) of a pod reached at podAddress. */
    public ProbeResult run(Probe probe, Container container, String containerId, String podAddress) {
        Duration timeout = ProbeSettings.of(probe).timeout();
        if (probe.exec() != null) {
            return exec(probe.exec(), containerId, timeout);
        }
        if (probe.httpGet() != null) {
            var resolution = ProbeTarget.resolve(probe.httpGet().port(), probe.httpGet().host(), container, podAddress);
            if (resolution instanceof ProbeTarget.Unresolved unresolved) {
                return ProbeResult.failure("httpGet: " + unresolved.reason());
            }
            String url = HttpGetCheck.url(probe.httpGet(), ((ProbeTarget.Resolved) resolution).target());
            return withDeadline("Get \"" + url + "\"", timeout, () -> http.check(probe.httpGet(), url, timeout));
        }
        if (probe.tcpSocket() != null) {
            var resolution = ProbeTarget.resolve(probe.tcpSocket().port(), probe.tcpSocket().host(), container,
                    podAddress);
            if (resolution instanceof ProbeTarget.Unresolved unresolved) {
                return ProbeResult.failure("tcpSocket: " + unresolved.reason());
            }
            return tcp(((ProbeTarget.Resolved) resolution).target(), timeout);
        }
        return ProbeResult.failure("the probe has none of exec, httpGet and tcpSocket");
    }

    private ProbeResult exec(ExecAction exec, String containerId, Duration timeout) {
        List<String> command = exec.command() == null ? List.of() : exec.command();
        if (command.isEmpty()) {
            return ProbeResult.failure("exec: the probe has no command (exec.command)");
        }
        String what = "command \"" + String.join(" ", command) + "\"";
        return withDeadline(what, timeout, () -> {
            ExecResult result = runtime.exec(containerId, command, timeout);
            String message = what + " exited with " + result.exitCode() + output(result.output());
            return new ProbeResult(result.exitCode() == 0, message);
        });
    }

    private ProbeResult tcp(ProbeTarget target, Duration timeout) {
        String what = "dial tcp " + target.authority();
        return withDeadline(what, timeout, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(target.host(), target.port()), (int) timeout.toMillis());
            }
            return ProbeResult.success(what + ": connected");
        });
    }

    private ProbeResult withDeadline(String what, Duration timeout, Callable<ProbeResult> check) {
        Future<ProbeResult> running = checks.submit(check);
        try {
            return running.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return ProbeResult.failure(what + ": timed out after " + timeout.toSeconds() + "s (timeoutSeconds)");
        } catch (ExecutionException e) {
            return ProbeResult.failure(what + ": " + Causes.describe(e.getCause()));
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return ProbeResult.failure(what + ": interrupted");
        }
    }

    private static String output(String output) {
        String text = output == null ? "" : output.strip();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() <= MAX_OUTPUT_CHARS ? text : text.substring(0, MAX_OUTPUT_CHARS) + "...");
    }

    /** Stops the threads checks run on; the runtime belongs to the caller and stays open. */
    @Override
    public void close() {
        checks.shutdownNow();
    }
}
