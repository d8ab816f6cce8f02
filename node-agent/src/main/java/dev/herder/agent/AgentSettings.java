package dev.herder.agent;

import com.typesafe.config.Config;
import dev.herder.agent.pods.BackoffPolicy;
import dev.herder.agent.pods.PodWorkerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The herder.agent section of the config, read once. Every key is documented in reference.conf. */
public record AgentSettings(String nodeName, String address, Map<String, String> labels, Map<String, String> capacity,
                            Duration heartbeatInterval, Duration nodeStatusInterval, Duration statusResync,
                            Duration reportAgainAfter, Duration simulatedStartDelay) {

    /** What each pod's worker needs, for a Docker node. */
    public static PodWorkerSettings podWorkerSettings(Config root, String nodeName, String address) {
        Config c = root.getConfig("herder.agent.pods");
        return new PodWorkerSettings(nodeName, address, Path.of(root.getString("herder.data-dir")).toAbsolutePath(),
                c.getDuration("poll-interval"), c.getDuration("default-grace-period"),
                c.getDuration("post-start-timeout"),
                new BackoffPolicy(c.getDuration("backoff.initial"), c.getDuration("backoff.max"),
                        c.getDuration("backoff.reset-after")));
    }

    public static AgentSettings from(Config root) {
        Config c = root.getConfig("herder.agent");
        return new AgentSettings(c.getString("node-name"), c.getString("address"), strings(c.getConfig("labels")),
                strings(c.getConfig("capacity")), c.getDuration("heartbeat-interval"),
                c.getDuration("node-status-interval"), c.getDuration("status-resync"),
                c.getDuration("report-again-after"), c.getDuration("simulated.start-delay"));
    }

    /** The same settings for another node name (a simulated process hosts several). */
    public AgentSettings named(String name) {
        return new AgentSettings(name, address, labels, capacity, heartbeatInterval, nodeStatusInterval, statusResync,
                reportAgainAfter, simulatedStartDelay);
    }

    private static Map<String, String> strings(Config c) {
        Map<String, String> out = new TreeMap<>();
        c.entrySet().forEach(e -> out.put(stripQuotes(e.getKey()), String.valueOf(e.getValue().unwrapped())));
        return out;
    }

    private static String stripQuotes(String key) {
        return key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1) : key;
    }
}
