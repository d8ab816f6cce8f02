package dev.herder.agent.runtime;

import java.util.Map;

/**
 * What the engine says of one container: whether it runs, and when it ended how (exit code, OOM kill),
 * with the engine's own error text when it could not start. Times are ISO-8601, null when not yet.
 */
public record ContainerInfo(String id, String name, String image, Map<String, String> labels, boolean running,
                            Integer exitCode, boolean oomKilled, String error, String startedAt, String finishedAt) {
}
