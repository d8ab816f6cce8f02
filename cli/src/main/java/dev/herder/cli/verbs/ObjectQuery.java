package dev.herder.cli.verbs;

import dev.herder.cli.CliException;
import dev.herder.cli.client.ApiClient;
import dev.herder.cli.client.Pages;
import dev.herder.cli.options.NamespaceOptions;
import dev.herder.cli.printing.ObjectNames;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;

/**
 * What get and describe ask: one object by name, or the objects of a kind matching a selector, read limit
 * objects per request (null: the whole list in one; always null for one object by name).
 */
record ObjectQuery(String kind, String namespace, String name, String selector, String fieldSelector, Integer limit) {

    /** Resolves and checks the user's words; fails before any contact with the cluster. chunkSize 0: no limit. */
    static ObjectQuery of(String kindWord, String name, String selector, String fieldSelector, int chunkSize,
                          NamespaceOptions namespaces) {
        String kind = KindArgument.resolve(kindWord);
        if (name != null && namespaces.allNamespaces() && Kinds.namespaced(kind)) {
            throw new CliException("a resource cannot be retrieved by name across all namespaces");
        }
        if (chunkSize < 0) {
            throw new CliException("--chunk-size must be 0 (the whole list in one request) or more, not " + chunkSize);
        }
        Integer limit = name != null || chunkSize == 0 ? null : chunkSize;
        return new ObjectQuery(kind, namespaces.requestNamespace(kind), name, SelectorArgument.check(selector),
                SelectorArgument.checkFields(kind, fieldSelector), limit);
    }

    /** The object, or every page of the list put together. */
    List<ApiObject> fetch(ApiClient client) {
        return read(client).items();
    }

    /** The object, or every page of the list put together, and the revision they were read at. */
    ApiResponse.Objects read(ApiClient client) {
        ApiResponse response = Pages.readAll(client,
                new ApiRequest.Get(kind, namespace, name, selector, fieldSelector, limit, null));
        ApiResponse.Objects objects = Responses.expect(response, ApiResponse.Objects.class);
        List<ApiObject> found = objects.items() == null ? List.of() : objects.items();
        if (name != null && found.isEmpty()) {
            throw new CliException(ObjectNames.quoted(kind, name) + " not found");
        }
        String version = objects.resourceVersion() != null || found.isEmpty() ? objects.resourceVersion()
                : found.get(0).metadata().resourceVersion();
        return new ApiResponse.Objects(kind, found, version, null);
    }

    /** The list request a watch of this query makes (by name: the list narrowed to it by metadata.name, as kubectl). */
    ApiRequest.Get watched() {
        if (name == null) {
            return new ApiRequest.Get(kind, namespace, null, selector, fieldSelector);
        }
        String byName = "metadata.name=" + name;
        String fields = fieldSelector == null || fieldSelector.isBlank() ? byName : fieldSelector + "," + byName;
        return new ApiRequest.Get(kind, namespace, null, selector, fields);
    }

    /** kubectl's note when a list is empty. */
    String noResourcesFound() {
        return namespace == null ? "No resources found" : "No resources found in " + namespace + " namespace.";
    }
}
