package dev.herder.agent.access;

import dev.herder.agent.pods.ContainerSpecs;
import dev.herder.agent.runtime.AttachedExec;
import dev.herder.agent.runtime.ContainerInfo;
import dev.herder.agent.runtime.ContainerRuntime;
import dev.herder.agent.runtime.ExecResult;
import dev.herder.agent.runtime.RuntimeFailure;
import dev.herder.protocol.wire.ContainerAttachRequest;
import dev.herder.protocol.wire.ContainerExecReply;
import dev.herder.protocol.wire.ContainerExecRequest;
import dev.herder.protocol.wire.ContainerLogsReply;
import dev.herder.protocol.wire.ContainerLogsRequest;
import dev.herder.protocol.wire.LogOptions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a pod container's output and runs commands in it, for {@code herder logs}, {@code herder exec} and
 * kubectl's exec (attached, {@link ExecStreams}).
 * The container is found by Herder's labels (pod uid and container name): the running one, else the one of the
 * latest restart; for the previous instance's logs, the one before the newest. Every call blocks on the engine:
 * the NodeAgent runs them on its blocking executor.
 */
public final class ContainerAccess {
    private final ContainerRuntime runtime;

    public ContainerAccess(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    public ContainerLogsReply logs(ContainerLogsRequest request, String podName) {
        try {
            LogOptions options = request.options();
            Optional<ContainerInfo> found = options.previous() ? previous(request.podUid(), request.container())
                    : find(request.podUid(), request.container());
            if (found.isEmpty()) {
                return ContainerLogsReply.failed(options.previous() ? "previous terminated container \""
                        + request.container() + "\" in pod \"" + podName + "\" not found"
                        : notCreated(request.container(), podName));
            }
            String all = runtime.logs(found.get().id(), null, options.timestamps(), options.sinceEpochSecond());
            LogWindow window = LogWindow.of(all == null ? "" : all, request.tail(), request.fromOffset());
            return new ContainerLogsReply(window.text(), window.nextOffset(), window.truncated(),
                    !found.get().running(), null);
        } catch (RuntimeFailure e) {
            return ContainerLogsReply.failed(e.getMessage());
        }
    }

    public ContainerExecReply exec(ContainerExecRequest request, String podName) {
        try {
            Optional<ContainerInfo> found = find(request.podUid(), request.container());
            if (found.isEmpty()) {
                return ContainerExecReply.failed(notCreated(request.container(), podName));
            }
            if (!found.get().running()) {
                return ContainerExecReply.failed(notRunning(request.container(), podName, found.get()));
            }
            ExecResult result = runtime.exec(found.get().id(), request.command(),
                    Duration.ofMillis(request.timeoutMillis()));
            String output = result.output() == null ? "" : result.output();
            if (output.length() > ContainerLogsReply.MAX_CHARS) {
                output = output.substring(output.length() - ContainerLogsReply.MAX_CHARS);
            }
            return new ContainerExecReply(result.exitCode(), output, null);
        } catch (RuntimeFailure e) {
            return ContainerExecReply.failed(e.getMessage());
        }
    }

    /**
     * Starts the command attached in the pod's running container; fails with what is wrong (the container not
     * created yet, not running, the engine's refusal).
     */
    public AttachedExec attach(ContainerAttachRequest request, String podName) {
        Optional<ContainerInfo> found = find(request.podUid(), request.container());
        if (found.isEmpty()) {
            throw new RuntimeFailure(notCreated(request.container(), podName), true, null);
        }
        if (!found.get().running()) {
            throw new RuntimeFailure(notRunning(request.container(), podName, found.get()), true, null);
        }
        return runtime.attach(found.get().id(), request.command(), request.stdin(), request.tty());
    }

    private Optional<ContainerInfo> find(String uid, String container) {
        List<ContainerInfo> all = runtime.list(Map.of(ContainerSpecs.POD_UID_LABEL, uid,
                ContainerSpecs.CONTAINER_LABEL, container));
        return all.stream().max(Comparator.comparing(ContainerInfo::running)
                .thenComparing(ContainerAccess::restartCount));
    }

    /** The instance before the newest one (the agent keeps the last that ended), when it has ended. */
    private Optional<ContainerInfo> previous(String uid, String container) {
        List<ContainerInfo> newestFirst = runtime.list(Map.of(ContainerSpecs.POD_UID_LABEL, uid,
                ContainerSpecs.CONTAINER_LABEL, container)).stream()
                .sorted(Comparator.comparing(ContainerAccess::restartCount).reversed()).toList();
        return newestFirst.stream().skip(1).filter(c -> !c.running()).findFirst();
    }

    private static int restartCount(ContainerInfo c) {
        try {
            return Integer.parseInt(c.labels().getOrDefault(ContainerSpecs.RESTART_COUNT_LABEL, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String notRunning(String container, String podName, ContainerInfo found) {
        return "container \"" + container + "\" of pod \"" + podName + "\" is not running (it exited with code "
                + found.exitCode() + ")";
    }

    private static String notCreated(String container, String podName) {
        return "container \"" + container + "\" of pod \"" + podName + "\" has not been created yet; try again soon";
    }
}
