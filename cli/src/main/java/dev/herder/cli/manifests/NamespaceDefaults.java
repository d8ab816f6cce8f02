package dev.herder.cli.manifests;

import dev.herder.cli.CliException;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.ObjectMeta;
import java.util.List;

/**
 * Puts objects without a namespace into -n's (or the default) namespace, and refuses a clash with -n, as kubectl.
 * ManifestReader already gives an object without a namespace the default one, so with -n an object in "default"
 * counts as one without a namespace.
 */
public final class NamespaceDefaults {
    private NamespaceDefaults() {
    }

    public static List<ApiObject> apply(List<ApiObject> objects, NamespaceOptions options) {
        return objects.stream().map(o -> apply(o, options)).toList();
    }

    private static ApiObject apply(ApiObject object, NamespaceOptions options) {
        ObjectMeta m = object.metadata();
        if (m == null || !Kinds.namespaced(object.kind())) {
            return object;
        }
        if (unset(m.namespace()) || (options.explicit() && Kinds.DEFAULT_NAMESPACE.equals(m.namespace()))) {
            return object.withMetadata(new ObjectMeta(m.name(), m.generateName(), options.namespace(), m.labels(),
                    m.annotations(), m.uid(), m.resourceVersion(), m.generation(), m.creationTimestamp(),
                    m.deletionTimestamp(), m.ownerReferences(), m.managedFields()));
        }
        if (options.explicit() && !options.namespace().equals(m.namespace())) {
            throw new CliException("the namespace from the provided object \"" + m.namespace()
                    + "\" does not match the namespace \"" + options.namespace()
                    + "\": you must pass '--namespace=" + m.namespace() + "' to perform this operation");
        }
        return object;
    }

    private static boolean unset(String namespace) {
        return namespace == null || namespace.isEmpty();
    }
}
