package dev.herder.agent.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.herder.agent.runtime.AttachedExec;
import dev.herder.agent.runtime.ContainerInfo;
import dev.herder.agent.runtime.ContainerRuntime;
import dev.herder.agent.runtime.ContainerSpec;
import dev.herder.agent.runtime.ExecResult;
import dev.herder.agent.runtime.RuntimeFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The container runtime on a real Docker engine, through docker-java: the only place Herder uses it. One
 * shared client with connect and response deadlines; every failure becomes a {@link RuntimeFailure} that
 * carries the engine's own message.
 */
public final class DockerRuntime implements ContainerRuntime {
    private static final int MAX_CONNECTIONS = 64;
    private final DockerClient docker;
    private final String host;
    private final DockerSettings settings;

    public DockerRuntime(DockerSettings settings) {
        this.settings = settings;
        this.host = settings.host();
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(settings.connectTimeout())
                .responseTimeout(settings.responseTimeout())
                .build();
        this.docker = DockerClientImpl.getInstance(config, http);
    }

    /** Checks that the engine answers; the failure names the engine's address and how to start one. */
    public String version() {
        return call("reach the Docker engine", () -> docker.versionCmd().exec().getVersion());
    }

    @Override
    public boolean hasImage(String image) {
        try {
            call("inspect image " + image, () -> docker.inspectImageCmd(image).exec());
            return true;
        } catch (RuntimeFailure e) {
            if (e.getCause() instanceof NotFoundException) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void pull(String image) {
        call("pull image " + image, () -> {
            try {
                boolean done = docker.pullImageCmd(image).exec(new PullImageResultCallback())
                        .awaitCompletion(settings.pullTimeout().toMillis(), TimeUnit.MILLISECONDS);
                if (!done) {
                    throw new RuntimeFailure("pulling image " + image + " took longer than "
                            + settings.pullTimeout().toSeconds() + " s (herder.agent.docker.pull-timeout)", true, null);
                }
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RuntimeFailure("pulling image " + image + " was interrupted", true, e);
            }
        });
    }

    @Override
    public String create(ContainerSpec spec) {
        return call("create container " + spec.name(), () -> {
            HostConfig hostConfig = HostConfig.newHostConfig().withNetworkMode(spec.hostNetwork() ? "host" : "none");
            if (spec.memoryBytes() != null) {
                hostConfig.withMemory(spec.memoryBytes());
            }
            if (spec.nanoCpus() != null) {
                hostConfig.withNanoCPUs(spec.nanoCpus());
            }
            if (spec.mounts() != null && !spec.mounts().isEmpty()) {
                hostConfig.withBinds(spec.mounts().stream().map(m -> new Bind(m.hostPath(), new Volume(m.containerPath()),
                        m.readOnly() ? com.github.dockerjava.api.model.AccessMode.ro
                                : com.github.dockerjava.api.model.AccessMode.rw)).toList());
            }
            var cmd = docker.createContainerCmd(spec.image()).withName(spec.name()).withLabels(spec.labels())
                    .withHostConfig(hostConfig);
            if (spec.entrypoint() != null) {
                cmd.withEntrypoint(spec.entrypoint());
            }
            if (spec.args() != null) {
                cmd.withCmd(spec.args());
            }
            if (spec.env() != null) {
                cmd.withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            }
            if (spec.workingDir() != null) {
                cmd.withWorkingDir(spec.workingDir());
            }
            return cmd.exec().getId();
        });
    }

    @Override
    public void start(String containerId) {
        call("start container " + containerId, () -> {
            try {
                docker.startContainerCmd(containerId).exec();
            } catch (NotModifiedException alreadyRunning) {
                // starting a running container changes nothing
            }
            return null;
        });
    }

    @Override
    public void stop(String containerId, Duration gracePeriod) {
        call("stop container " + containerId, () -> {
            try {
                // the engine counts whole seconds: round up, so SIGKILL never comes before the grace period is over
                int seconds = (int) Math.max(0, (gracePeriod.toMillis() + 999) / 1000);
                docker.stopContainerCmd(containerId).withTimeout(seconds).exec();
            } catch (NotModifiedException alreadyStopped) {
                // stopping a stopped container changes nothing
            }
            return null;
        });
    }

    @Override
    public void remove(String containerId) {
        call("remove container " + containerId, () -> {
            try {
                docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException gone) {
                // already gone
            }
            return null;
        });
    }

    @Override
    public ContainerInfo inspect(String containerId) {
        return call("inspect container " + containerId, () -> toInfo(docker.inspectContainerCmd(containerId).exec()));
    }

    @Override
    public List<ContainerInfo> list(Map<String, String> labels) {
        return call("list containers", () -> {
            List<ContainerInfo> out = new ArrayList<>();
            for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
                try {
                    out.add(toInfo(docker.inspectContainerCmd(c.getId()).exec()));
                } catch (NotFoundException removedMeanwhile) {
                    // removed between list and inspect
                }
            }
            return out;
        });
    }

    @Override
    public String logs(String containerId, Integer tail, boolean timestamps, Long sinceEpochSecond) {
        return call("read the logs of container " + containerId, () -> {
            StringBuilder text = new StringBuilder();
            var cmd = docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTimestamps(timestamps);
            if (sinceEpochSecond != null) {
                cmd.withSince(Math.toIntExact(sinceEpochSecond));
            }
            if (tail != null) {
                cmd.withTail(tail);
            } else {
                cmd.withTailAll();
            }
            await(cmd.exec(collector(text)), settings.responseTimeout(), "reading logs of " + containerId);
            return text.toString();
        });
    }

    @Override
    public ExecResult exec(String containerId, List<String> command, Duration timeout) {
        return call("run " + command + " in container " + containerId, () -> {
            String execId = docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).exec().getId();
            StringBuilder text = new StringBuilder();
            if (!await(docker.execStartCmd(execId).exec(collector(text)), timeout, null)) {
                return new ExecResult(-1, "timed out after " + timeout.toMillis() + " ms: " + text);
            }
            Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
            return new ExecResult(code == null ? -1 : code.intValue(), text.toString());
        });
    }

    @Override
    public AttachedExec attach(String containerId, List<String> command, boolean stdin, boolean tty) {
        return call("run " + command + " attached in container " + containerId, () -> {
            String execId = docker.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                    .withAttachStdin(stdin).withAttachStdout(true).withAttachStderr(true).withTty(tty).exec().getId();
            EngineStream stream = EngineStream.open(host, "/exec/" + execId + "/start",
                    "{\"Detach\":false,\"Tty\":" + tty + "}", settings.responseTimeout());
            return new DockerExec(docker, execId, stream, tty, settings.responseTimeout());
        });
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException e) {
            // closing the connection pool; nothing is left to do with it
        }
    }

    private static ResultCallback.Adapter<Frame> collector(StringBuilder text) {
        return new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                synchronized (text) {
                    text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }
        };
    }

    /** Waits for a streamed call; false when the deadline passed (or throws naming what, when what is given). */
    private static boolean await(ResultCallback.Adapter<Frame> callback, Duration deadline, String what) {
        try {
            boolean done = callback.awaitCompletion(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                callback.close();
                if (what != null) {
                    throw new RuntimeFailure(what + " took longer than " + deadline.toMillis() + " ms", true, null);
                }
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure("interrupted", true, e);
        } catch (IOException e) {
            return false;
        }
    }

    private static ContainerInfo toInfo(InspectContainerResponse r) {
        var state = r.getState();
        Long exit = state.getExitCodeLong();
        String name = r.getName() != null && r.getName().startsWith("/") ? r.getName().substring(1) : r.getName();
        return new ContainerInfo(r.getId(), name, r.getConfig().getImage(), r.getConfig().getLabels(),
                Boolean.TRUE.equals(state.getRunning()), exit == null ? null : exit.intValue(),
                Boolean.TRUE.equals(state.getOOMKilled()), blankToNull(state.getError()), state.getStartedAt(),
                state.getFinishedAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Runs one call, turning every failure into a RuntimeFailure that says what failed and why. */
    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeFailure e) {
            throw e;
        } catch (DockerException e) {
            int status = e.getHttpStatus();
            boolean retryable = status >= 500 || status == 0;
            throw new RuntimeFailure("could not " + what + ": " + engineMessage(e), retryable, e);
        } catch (RuntimeException e) {
            throw new RuntimeFailure("could not " + what + ": the Docker engine at " + host + " did not answer ("
                    + e.getMessage() + "); is dockerd running? (deploy/engine.sh starts one)", true, e);
        }
    }

    /** docker-java puts the engine's JSON {"message":"..."} into the exception text; keep only the words. */
    static String engineMessage(DockerException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().strip();
        int at = text.indexOf("\"message\":\"");
        if (at >= 0) {
            int start = at + "\"message\":\"".length();
            int end = text.indexOf("\"}", start);
            return (end > start ? text.substring(start, end) : text.substring(start)).replace("\\\"", "\"");
        }
        return text;
    }
}
