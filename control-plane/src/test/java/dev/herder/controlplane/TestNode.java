package dev.herder.controlplane;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/** A one-node cluster, for actor tests. */
public final class TestNode {
    private TestNode() {
    }

    public static ActorTestKit start() {
        return start("");
    }

    /** With some settings of the test's own (HOCON), over test-node.conf and the defaults. */
    public static ActorTestKit start(String settings) {
        Config config = ConfigFactory.parseString(settings)
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
