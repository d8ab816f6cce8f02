package dev.herder.agent.pods;

import java.nio.file.Path;
import java.time.Duration;

/** What a PodWorker needs to know of its node and its timing (from herder.agent in the config). */
public record PodWorkerSettings(String nodeName, String nodeAddress, Path dataDir, Duration pollInterval,
                                Duration defaultGracePeriod, Duration postStartTimeout,
                                BackoffPolicy backoff) {
}
