package dev.herder.agent.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an agent asks of the machine's container engine, in Herder's own records: no engine library's type
 * crosses this interface. Calls block, each within its own deadline, and are made off the actors' threads
 * (the agent runs them on a dedicated executor and gets the results back as messages). A failure is a
 * {@link RuntimeFailure} that says whether trying again may help and what the user should change.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** Whether the image is present on the machine. */
    boolean hasImage(String image);

    /** Pulls the image; fails with the engine's message when it cannot be had. */
    void pull(String image);

    /** Creates a container (not started) and returns its id. */
    String create(ContainerSpec spec);

    void start(String containerId);

    /** Stops a container: SIGTERM, then SIGKILL once the grace period is over. */
    void stop(String containerId, Duration gracePeriod);

    /** Removes a container (and its anonymous volumes); removing one that is gone is not a failure. */
    void remove(String containerId);

    ContainerInfo inspect(String containerId);

    /** Every container, running or not, that carries all of these labels. */
    List<ContainerInfo> list(Map<String, String> labels);

    /** The container's output (stdout and stderr), the last tail lines or all when tail is null. */
    default String logs(String containerId, Integer tail) {
        return logs(containerId, tail, false, null);
    }

    /**
     * The same, each line after the time it was written when timestamps (RFC 3339 with nanoseconds), and only what
     * was written from sinceEpochSecond on when that is given.
     */
    String logs(String containerId, Integer tail, boolean timestamps, Long sinceEpochSecond);

    /** Runs a command in a running container and waits for it within the timeout. */
    ExecResult exec(String containerId, List<String> command, Duration timeout);

    /**
     * Starts a command in a running container with its streams attached: stdin when stdin, a terminal when tty
     * (stderr then comes on stdout, as a terminal has one output). Fails when it cannot be started.
     */
    default AttachedExec attach(String containerId, List<String> command, boolean stdin, boolean tty) {
        throw new RuntimeFailure("this runtime runs no commands attached to a terminal or to stdin", false, null);
    }

    @Override
    void close();
}
