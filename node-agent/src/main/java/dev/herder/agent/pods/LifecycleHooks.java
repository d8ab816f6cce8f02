package dev.herder.agent.pods;

import dev.herder.agent.probes.ProbeResult;
import dev.herder.agent.probes.ProbeRunner;
import dev.herder.agent.runtime.ContainerRuntime;
import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.LifecycleHandler;
import dev.herder.protocol.api.Probe;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A container's lifecycle hooks, as the kubelet runs them: postStart right after the container starts (it is
 * not Running until the hook is done, and a failed hook kills it), preStop before it is stopped, inside the
 * same grace period. A hook is exec (through the engine), httpGet or tcpSocket against the pod's address; it runs
 * through the prober, so it fails with the same words a probe would. Calls block: they run off the actors'
 * threads, like every runtime call.
 */
final class LifecycleHooks {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleHooks.class);
    /** The kubelet's: however long preStop took, SIGTERM gets at least this long before SIGKILL. */
    static final Duration MIN_STOP_GRACE = Duration.ofSeconds(2);

    private final ContainerRuntime runtime;
    private final ProbeRunner runner;
    private final String podAddress;

    LifecycleHooks(ContainerRuntime runtime, ProbeRunner runner, String podAddress) {
        this.runtime = runtime;
        this.runner = runner;
        this.podAddress = podAddress;
    }

    /**
     * Runs the container's postStart hook, if it has one, within the timeout; on failure stops the container
     * and returns why ("postStart hook failed: ..."), otherwise null.
     */
    String postStart(Container container, String containerId, Duration timeout, Duration grace) {
        LifecycleHandler hook = container.lifecycle() == null ? null : container.lifecycle().postStart();
        if (hook == null) {
            return null;
        }
        ProbeResult result = run(hook, container, containerId, timeout);
        if (result.success()) {
            return null;
        }
        String failure = "postStart hook failed: " + result.message();
        LOG.warn("container {} ({}): {}; stopping it", container.name(), containerId, failure);
        runtime.stop(containerId, grace);
        return failure;
    }

    /**
     * Stops a running container gracefully: its preStop hook first (if any), then SIGTERM and SIGKILL once the
     * grace period, which the hook's time counts against, is over (but never sooner than {@link #MIN_STOP_GRACE}
     * after SIGTERM).
     */
    void stop(Container container, String containerId, Duration grace) {
        Instant deadline = Instant.now().plus(grace);
        LifecycleHandler hook = container.lifecycle() == null ? null : container.lifecycle().preStop();
        if (hook == null) {
            runtime.stop(containerId, grace);
            return;
        }
        ProbeResult result = run(hook, container, containerId, grace);
        if (!result.success()) {
            LOG.warn("container {} ({}): preStop hook failed: {}; stopping it anyway", container.name(), containerId,
                    result.message());
        }
        Duration left = Duration.between(Instant.now(), deadline);
        runtime.stop(containerId, left.compareTo(MIN_STOP_GRACE) < 0 ? MIN_STOP_GRACE : left);
    }

    private ProbeResult run(LifecycleHandler hook, Container container, String containerId, Duration timeout) {
        int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        Probe asProbe = new Probe(hook.exec(), hook.httpGet(), hook.tcpSocket(), 0, 1, seconds, 1, 1, null);
        return runner.run(asProbe, container, containerId, podAddress);
    }
}
