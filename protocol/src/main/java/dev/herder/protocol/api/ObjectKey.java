package dev.herder.protocol.api;

/** Names one object of one kind: kind, namespace (null for cluster-scoped kinds) and name. */
public record ObjectKey(String kind, String namespace, String name) {

    public static ObjectKey of(ApiObject o) {
        ObjectMeta m = o.metadata();
        String kind = o.kind();
        return new ObjectKey(kind, Kinds.namespaced(kind) ? m.namespace() : null, m.name());
    }

    /** The entity id: "namespace/name", or the name alone for cluster-scoped kinds. */
    public String id() {
        return namespace == null ? name : namespace + "/" + name;
    }

    @Override
    public String toString() {
        return id();
    }
}
