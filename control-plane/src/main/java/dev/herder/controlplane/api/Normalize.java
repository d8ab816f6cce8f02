package dev.herder.controlplane.api;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.ObjectMeta;

/** Server-side defaults applied to every incoming object before validation. */
final class Normalize {
    private Normalize() {
    }

    /** Namespaced kinds get "default" when they name none; cluster-scoped kinds drop any namespace. */
    static ApiObject namespace(ApiObject o) {
        ObjectMeta m = o.metadata();
        if (m == null) {
            return o;
        }
        String ns = Kinds.namespaced(o.kind()) ? (m.namespace() == null ? Kinds.DEFAULT_NAMESPACE : m.namespace()) : null;
        if (java.util.Objects.equals(ns, m.namespace())) {
            return o;
        }
        return o.withMetadata(new ObjectMeta(m.name(), m.generateName(), ns, m.labels(), m.annotations(), m.uid(),
                m.resourceVersion(), m.generation(), m.creationTimestamp(), m.deletionTimestamp(), m.ownerReferences(),
                m.managedFields()));
    }
}
