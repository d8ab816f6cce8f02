package dev.herder.agent.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import dev.herder.agent.runtime.AttachedExec;
import dev.herder.agent.runtime.RuntimeFailure;
import dev.herder.protocol.wire.ExecInput;
import dev.herder.protocol.wire.ExecOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * An exec on the Docker engine with its streams on an {@link EngineStream}. Without a terminal the engine frames
 * the output (8 bytes: the stream, 3 zeros, the length big-endian, then the bytes); with one, the output is the
 * terminal's bytes as they come. Once the output ends, the exit code is read from the engine (inspect exec).
 */
final class DockerExec implements AttachedExec {
    /** The most bytes of output one element carries (well under the cluster transport's frame limit). */
    static final int MAX_CHUNK = 32 * 1024;
    private static final int HEADER = 8;
    private static final int STDERR = 2;
    private static final int RESIZE_TRIES = 10;
    private static final Duration POLL = Duration.ofMillis(20);

    private final DockerClient docker;
    private final String execId;
    private final EngineStream stream;
    private final boolean tty;
    private final Duration deadline;
    private boolean ended;

    DockerExec(DockerClient docker, String execId, EngineStream stream, boolean tty, Duration deadline) {
        this.docker = docker;
        this.execId = execId;
        this.stream = stream;
        this.tty = tty;
        this.deadline = deadline;
    }

    @Override
    public ExecOutput read() {
        if (ended) {
            return null;
        }
        try {
            ExecOutput next = tty ? readRaw() : readFrame();
            if (next != null) {
                return next;
            }
        } catch (IOException e) {
            ended = true;
            return new ExecOutput.Failed("the command's output broke off: " + e.getMessage());
        }
        ended = true;
        return exitCode();
    }

    @Override
    public void send(ExecInput input) {
        try {
            if (input instanceof ExecInput.Stdin stdin) {
                stream.write(stdin.data());
            } else if (input instanceof ExecInput.CloseStdin) {
                stream.endInput();
            } else if (input instanceof ExecInput.Resize resize) {
                resize(resize);
            }
        } catch (IOException e) {
            throw new RuntimeFailure("could not pass input to exec " + execId + ": " + e.getMessage(), false, e);
        }
    }

    @Override
    public void close() {
        stream.close();
    }

    private ExecOutput readRaw() throws IOException {
        byte[] buffer = new byte[MAX_CHUNK];
        int n = stream.read(buffer, 0, buffer.length);
        return n < 0 ? null : new ExecOutput.Stdout(Arrays.copyOf(buffer, n));
    }

    private ExecOutput readFrame() throws IOException {
        byte[] header = new byte[HEADER];
        while (true) {
            if (!stream.readFully(header, HEADER)) {
                return null;
            }
            int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                    | (header[7] & 0xff);
            byte[] data = new byte[length];
            if (!stream.readFully(data, length)) {
                return null;
            }
            if (length > 0) {
                return header[0] == STDERR ? new ExecOutput.Stderr(data) : new ExecOutput.Stdout(data);
            }
        }
    }

    /** The exit code once the engine has seen the command end (shortly after its output ended), within the deadline. */
    private ExecOutput exitCode() {
        long until = System.nanoTime() + deadline.toNanos();
        try {
            while (true) {
                var inspected = docker.inspectExecCmd(execId).exec();
                Long code = inspected.getExitCodeLong();
                if (!Boolean.TRUE.equals(inspected.isRunning()) && code != null) {
                    return new ExecOutput.Exited(code.intValue());
                }
                if (System.nanoTime() > until) {
                    return new ExecOutput.Failed("the command's output ended but the engine did not report its exit"
                            + " code within " + deadline.toMillis() + " ms");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (DockerException e) {
            return new ExecOutput.Failed("could not read the exit code of exec " + execId + ": "
                    + DockerRuntime.engineMessage(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecOutput.Failed("interrupted while reading the exit code of exec " + execId);
        }
    }

    /** The engine refuses a resize until the command has started: a size sent at once is tried a few times. */
    private void resize(ExecInput.Resize size) {
        if (!tty || size.width() <= 0 || size.height() <= 0) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                docker.resizeExecCmd(execId).withSize(size.height(), size.width()).exec();
                return;
            } catch (DockerException e) {
                if (attempt >= RESIZE_TRIES) {
                    throw new RuntimeFailure("could not resize the terminal of exec " + execId + ": "
                            + DockerRuntime.engineMessage(e), false, e);
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
