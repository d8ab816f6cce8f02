package dev.herder.controlplane.objects;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import java.util.Objects;

/** Small operations on any API object that the records themselves do not offer. */
public final class ApiObjects {
    private ApiObjects() {
    }

    /** The incoming object (spec from a user) carrying the status the store already has. */
    public static ApiObject withStatusOf(ApiObject incoming, ApiObject current) {
        if (incoming instanceof Pod p) {
            return p.withStatus(((Pod) current).status());
        } else if (incoming instanceof ReplicationController rc) {
            return rc.withStatus(((ReplicationController) current).status());
        } else if (incoming instanceof Service s) {
            return new Service(s.apiVersion(), s.kind(), s.metadata(), s.spec(), ((Service) current).status());
        }
        return ((Node) incoming).withStatus(((Node) current).status());
    }

    /** The object as a user may write it: status is the system's, never taken from a user. */
    public static ApiObject withoutStatus(ApiObject o) {
        if (o instanceof Pod p) {
            return p.withStatus(null);
        } else if (o instanceof ReplicationController rc) {
            return rc.withStatus(null);
        } else if (o instanceof Service s) {
            return new Service(s.apiVersion(), s.kind(), s.metadata(), s.spec(), null);
        }
        return o;
    }

    /** The kubectl-style name of an object in messages: pods "web-1". */
    public static String describe(String kind, String name) {
        return Kinds.plural(kind) + " \"" + name + "\"";
    }

    /** Whether two objects' user-written parts (spec, labels, annotations, owners) are equal. */
    public static boolean sameDesiredState(ApiObject a, ApiObject b) {
        ObjectMeta ma = a.metadata();
        ObjectMeta mb = b.metadata();
        return Objects.equals(a.specPart(), b.specPart())
                && Objects.equals(ma.labels(), mb.labels())
                && Objects.equals(ma.annotations(), mb.annotations())
                && Objects.equals(ma.ownerReferences(), mb.ownerReferences());
    }

    public static ObjectMeta meta(ObjectMeta m, String uid, String resourceVersion, Long generation, String created) {
        return new ObjectMeta(m.name(), m.generateName(), m.namespace(), m.labels(), m.annotations(), uid,
                resourceVersion, generation, created, m.deletionTimestamp(), m.ownerReferences(), m.managedFields());
    }

    /** The same object with a new resourceVersion. */
    public static ApiObject withVersion(ApiObject o, String resourceVersion) {
        ObjectMeta m = o.metadata();
        return o.withMetadata(meta(m, m.uid(), resourceVersion, m.generation(), m.creationTimestamp()));
    }
}
