package dev.herder.controlplane.master;

import dev.herder.controlplane.store.Informer;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import java.util.List;

/**
 * What the Master hands each of its children: the store's objects of the kinds the child follows, as the Master's
 * informers read them (a list at a revision, then every change after it, in order). Local to the Master's JVM.
 */
sealed interface ViewNews {
    /** The kinds the Master reads. */
    List<String> KINDS = List.of(Pod.KIND, Node.KIND, ReplicationController.KIND, Service.KIND);

    String kind();

    /** Every object of the kind at revision: what the child knew of the kind before is replaced. */
    record Listed(String kind, List<ApiObject> objects, long revision) implements ViewNews {
    }

    /** Changes after the last news of the kind, in revision order. */
    record Changed(String kind, List<Informer.ObjectChange> changes) implements ViewNews {
    }
}
