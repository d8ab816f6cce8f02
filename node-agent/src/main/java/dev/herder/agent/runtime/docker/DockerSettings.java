package dev.herder.agent.runtime.docker;

import com.typesafe.config.Config;
import java.time.Duration;

/** The herder.agent.docker section of the config (documented in node-agent's reference.conf). */
public record DockerSettings(String host, Duration connectTimeout, Duration responseTimeout, Duration pullTimeout) {

    public static DockerSettings from(Config root) {
        Config c = root.getConfig("herder.agent.docker");
        return new DockerSettings(c.getString("host"), c.getDuration("connect-timeout"), c.getDuration("response-timeout"),
                c.getDuration("pull-timeout"));
    }
}
