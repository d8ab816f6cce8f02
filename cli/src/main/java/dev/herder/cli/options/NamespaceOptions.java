package dev.herder.cli.options;

import dev.herder.protocol.api.Kinds;
import picocli.CommandLine.Option;

/** -n NAMESPACE / -A, as kubectl. */
public final class NamespaceOptions {
    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE",
            description = "The namespace (default: " + Kinds.DEFAULT_NAMESPACE + ").")
    private String namespace;

    @Option(names = {"-A", "--all-namespaces"}, description = "List across all namespaces.")
    private boolean allNamespaces;

    /** The namespace to name in a request for this kind: null for every namespace or a cluster-scoped kind. */
    public String requestNamespace(String kind) {
        if (!Kinds.namespaced(kind) || allNamespaces) {
            return null;
        }
        return namespace();
    }

    /** The namespace given with -n, or the default one. */
    public String namespace() {
        return namespace == null ? Kinds.DEFAULT_NAMESPACE : namespace;
    }

    /** Whether -n was given. */
    public boolean explicit() {
        return namespace != null;
    }

    public boolean allNamespaces() {
        return allNamespaces;
    }
}
