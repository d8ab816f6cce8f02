package dev.herder.cli.verbs;

import dev.herder.cli.client.Pages;
import dev.herder.cli.options.NamespaceOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The words get and describe share:
 * {@code KIND [NAME] [-l SELECTOR] [--field-selector SELECTOR] [--chunk-size N] [-n NS | -A]}.
 */
public final class ObjectSelection {
    @Parameters(index = "0", paramLabel = "KIND",
            description = "pods (po), replicationcontrollers (rc), services (svc), nodes (no), endpoints (ep),"
                    + " events (ev).")
    private String kindWord;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "One object's name; all when left out.")
    private String name;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Label selector, e.g. app=web,tier!=db.")
    private String selector;

    @Option(names = "--field-selector", paramLabel = "SELECTOR",
            description = "Field selector, e.g. involvedObject.name=web,type=Warning or spec.nodeName=node-1.")
    private String fieldSelector;

    @Option(names = "--chunk-size", paramLabel = "N", defaultValue = "" + Pages.DEFAULT_CHUNK_SIZE,
            description = "Read a list N objects per request, following the cluster's continue tokens until the end;"
                    + " 0 asks for the whole list in one request. Default: ${DEFAULT-VALUE}.")
    private int chunkSize;

    @Mixin
    private NamespaceOptions namespaces;

    /** The query these words make; fails before any contact with the cluster when they are wrong. */
    ObjectQuery query() {
        return ObjectQuery.of(kindWord, name, selector, fieldSelector, chunkSize, namespaces);
    }

    boolean named() {
        return name != null;
    }

    boolean allNamespaces() {
        return namespaces.allNamespaces();
    }
}
