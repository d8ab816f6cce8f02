package dev.herder.controlplane;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pekko.actor.typed.ActorSystem;

/** Starts one control-plane node: joins the cluster with role control-plane and runs the guardian. */
public final class ControlPlaneNode {
    /** The folder in which Herder before etcd kept its objects (Distributed Data in LMDB), inside herder.data-dir. */
    static final String OLD_STORE = "ddata";

    private ControlPlaneNode() {
    }

    /**
     * Starts the node from a fully resolved config (a user's control-plane-N.conf over the references). A data
     * folder that still holds the store of an earlier Herder is refused, naming it: this version keeps every object
     * in etcd and does not read the old one.
     */
    public static ActorSystem<Void> start(Config config) {
        Path old = Path.of(config.getString("herder.data-dir")).resolve(OLD_STORE);
        if (Files.isDirectory(old)) {
            throw new IllegalStateException(old.toAbsolutePath() + " holds the object store of an earlier Herder"
                    + " (Distributed Data), which this version does not read: objects now live in etcd"
                    + " (herder.etcd.endpoints). Move the folder away or delete it, and apply your manifests again.");
        }
        return ActorSystem.create(Guardian.create(), config.getString("herder.cluster-name"), config);
    }
}
