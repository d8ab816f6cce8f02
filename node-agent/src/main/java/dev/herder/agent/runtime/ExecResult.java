package dev.herder.agent.runtime;

/** The exit code and the combined output of a command run in a container. */
public record ExecResult(int exitCode, String output) {
}
