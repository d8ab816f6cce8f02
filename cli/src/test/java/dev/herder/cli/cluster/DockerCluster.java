package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.herder.agent.pods.ContainerSpecs;
import dev.herder.agent.runtime.docker.DockerRuntime;
import dev.herder.agent.runtime.docker.DockerSettings;
import dev.herder.protocol.manifest.ManifestReader;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.Map;

/**
 * For tests of pods on Docker: a one-node control plane and one agent JVM on the machine's real engine (pods at
 * 127.0.0.2, polled every 300 ms), plus a client of that engine to look at the containers. Closing it stops the
 * JVMs and removes every container labelled with the test's node.
 */
final class DockerCluster implements AutoCloseable {
    private static final String POD_ADDRESS = "127.0.0.2";
    final LocalCluster cluster;
    final DockerRuntime docker;
    private final String node;
    private Process agent;

    private DockerCluster(LocalCluster cluster, DockerRuntime docker, String node) {
        this.cluster = cluster;
        this.docker = docker;
        this.node = node;
    }

    static DockerCluster start(String folder, int basePort, String node) throws Exception {
        DockerRuntime docker = new DockerRuntime(DockerSettings.from(ConfigFactory.load()));
        docker.version();
        LocalCluster cluster = LocalCluster.inFolder(folder, basePort, 1);
        DockerCluster started = new DockerCluster(cluster, docker, node);
        cluster.startAllControlPlanes();
        cluster.awaitUp(1, Duration.ofSeconds(60));
        started.startAgent();
        return started;
    }

    private void startAgent() throws Exception {
        agent = cluster.startDockerAgent(node, POD_ADDRESS, 0, "herder.agent.pods.poll-interval = 300ms\n");
        cluster.awaitReadyNodes(1, Duration.ofSeconds(30));
    }

    /** Stops the agent JVM (SIGTERM) and starts it again on the same node; its pods' containers keep running. */
    void restartAgent() throws Exception {
        agent.destroy();
        agent.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        startAgent();
    }

    /** The agent's data folder (its pods' emptyDirs are under pods/UID/volumes). */
    java.nio.file.Path agentDataDir() {
        return cluster.dir().resolve("agent-" + node);
    }

    /** Applies a manifest through the API, failing the test if any object is refused. */
    void apply(String yaml) {
        ApiResponse rsp = cluster.call(new ApiRequest.Apply(ManifestReader.read(yaml, "test").objects()));
        assertTrue(((ApiResponse.Applied) rsp).allSucceeded(), () -> "apply failed: " + rsp);
    }

    @Override
    public void close() {
        cluster.close();
        docker.list(Map.of(ContainerSpecs.NODE_LABEL, node)).forEach(c -> docker.remove(c.id()));
        docker.close();
    }
}
