package dev.herder.agent.runtime.docker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.herder.agent.runtime.RuntimeFailure;

/** The machine's real Docker engine for tests; fails (never skips) with what to do when it is missing. */
public final class TestEngine {
    public static final String IMAGE = "local/busybox:1";

    private TestEngine() {
    }

    public static DockerRuntime connect() {
        DockerRuntime docker = new DockerRuntime(DockerSettings.from(ConfigFactory.load()));
        try {
            docker.version();
        } catch (RuntimeFailure e) {
            throw new AssertionError("these tests need a Docker engine: " + e.getMessage()
                    + " (run deploy/engine.sh as root, or the test command ./deploy/test.sh)", e);
        }
        assertTrue(docker.hasImage(IMAGE), IMAGE + " is missing: deploy/engine.sh makes it");
        return docker;
    }
}
