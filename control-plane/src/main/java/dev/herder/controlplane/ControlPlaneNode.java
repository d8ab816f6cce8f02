package dev.herder.controlplane;

import com.typesafe.config.Config;
import org.apache.pekko.actor.typed.ActorSystem;

/** Starts one control-plane node: joins the cluster with role control-plane and runs the guardian. */
public final class ControlPlaneNode {
    private ControlPlaneNode() {
    }

    /** Starts the node from a fully resolved config (a user's control-plane-N.conf over the references). */
    public static ActorSystem<Void> start(Config config) {
        return ActorSystem.create(Guardian.create(), config.getString("herder.cluster-name"), config);
    }
}
