package dev.herder.controlplane.store;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.ObjectKey;

/**
 * Where objects live in the store, as in Kubernetes: {@code /registry/<resource>/<namespace>/<name>}, cluster-scoped
 * kinds (nodes) without the namespace. Keys of one kind (and one namespace) share a prefix, so a list is one range.
 */
public final class RegistryKeys {
    public static final String ROOT = "/registry/";

    private RegistryKeys() {
    }

    public static String key(String kind, String namespace, String name) {
        return Kinds.namespaced(kind) ? prefix(kind, namespace) + name : prefix(kind, null) + name;
    }

    public static String key(ObjectKey k) {
        return key(k.kind(), k.namespace(), k.name());
    }

    public static String key(ApiObject o) {
        return key(ObjectKey.of(o));
    }

    /** The prefix of every object of a kind (namespace null), or of one namespace's. */
    public static String prefix(String kind, String namespace) {
        String all = ROOT + Kinds.plural(kind) + "/";
        return namespace == null || !Kinds.namespaced(kind) ? all : all + namespace + "/";
    }
}
