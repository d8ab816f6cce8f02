package dev.herder.controlplane;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/** A one-node cluster with a durable store in a folder of the test's, for actor tests. */
public final class TestNode {
    private TestNode() {
    }

    public static ActorTestKit start(Path dataDir) {
        return start(dataDir, "");
    }

    /** With some settings of the test's own (HOCON), over test-node.conf and the defaults. */
    public static ActorTestKit start(Path dataDir, String settings) {
        Config config = ConfigFactory.parseString(settings).withFallback(ConfigFactory.parseString(
                        "pekko.cluster.distributed-data.durable.lmdb.dir = \"" + dataDir.resolve("ddata") + "\""))
                .withFallback(ConfigFactory.parseResources("test-node.conf"))
                .withFallback(ConfigFactory.load());
        ActorTestKit kit = ActorTestKit.create("herder", config);
        Cluster cluster = Cluster.get(kit.system());
        cluster.manager().tell(Join.create(cluster.selfMember().address()));
        return kit;
    }

    public static ControlPlaneSettings settings(ActorTestKit kit) {
        return ControlPlaneSettings.from(kit.system().settings().config());
    }
}
