package dev.herder.protocol.api;

/** Names one object of one kind: kind, namespace (null for cluster-scoped kinds) and name. */
public record ObjectKey(String kind, String namespace, String name) {

    public static ObjectKey of(ApiObject o) {
        ObjectMeta m = o.metadata();
        String kind = o.kind();
        return new ObjectKey(kind, Kinds.namespaced(kind) ? m.namespace() : null, m.name());
    }

    /** The key an entity id names: the inverse of {@link #id()}. */
    public static ObjectKey ofId(String kind, String id) {
        int slash = id.indexOf('/');
        return slash < 0 || !Kinds.namespaced(kind) ? new ObjectKey(kind, null, id)
                : new ObjectKey(kind, id.substring(0, slash), id.substring(slash + 1));
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
