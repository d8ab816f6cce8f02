package dev.herder.agent.runtime;

import dev.herder.protocol.wire.ExecInput;
import dev.herder.protocol.wire.ExecOutput;

/**
 * A command running in a container with its streams attached ({@link ContainerRuntime#attach}). One thread reads
 * its output while others send it input; both block on the engine, so neither runs on an actor's thread.
 */
public interface AttachedExec extends AutoCloseable {

    /**
     * The next output, blocking until there is some: stdout and stderr bytes, then the end (the exit code, or why it
     * is not known); after the end, null.
     */
    ExecOutput read();

    /** Writes stdin bytes, ends stdin (the command then reads end-of-file), or resizes the terminal. */
    void send(ExecInput input);

    /** Lets go of the command's streams (a command still running loses its stdin and its terminal). */
    @Override
    void close();
}
