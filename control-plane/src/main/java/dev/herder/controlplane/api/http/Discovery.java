package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.api.Endpoints;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.manifest.Json;
import java.util.List;
import java.util.Map;

/**
 * What a client learns before its first real request: the server's version ({@code /version}: kubectl's dispatcher
 * picks its binary by the minor version, so Herder says 1.32, the version whose requests it serves), the API
 * versions ({@code /api}: v1), the groups ({@code /apis}: none; a 404 there breaks kubectl) and the resources of
 * core/v1 with their verbs, short names and categories ({@code /api/v1}).
 */
final class Discovery {
    static final String MAJOR = "1";
    static final String MINOR = "32";
    private static final List<String> READ = List.of("get", "list", "watch");
    private static final List<String> WRITE = List.of("create", "delete", "deletecollection", "get", "list", "patch", "update",
            "watch");
    private static final Map<String, List<String>> SHORT_NAMES = Map.of(Pod.KIND, List.of("po"),
            ReplicationController.KIND, List.of("rc"), Service.KIND, List.of("svc"), Node.KIND, List.of("no"),
            Event.KIND, List.of("ev"), Endpoints.KIND, List.of("ep"));
    /** What {@code kubectl get all} lists. */
    private static final List<String> IN_ALL = List.of(Pod.KIND, ReplicationController.KIND, Service.KIND);

    private Discovery() {
    }

    static ObjectNode version() {
        ObjectNode v = Json.mapper().createObjectNode();
        v.put("major", MAJOR);
        v.put("minor", MINOR);
        v.put("gitVersion", "v" + MAJOR + "." + MINOR + ".0-herder");
        v.put("platform", System.getProperty("os.name").toLowerCase() + "/" + System.getProperty("os.arch"));
        return v;
    }

    /** {@code /api}: the versions of the core group, and the address clients reach this node at. */
    static ObjectNode apiVersions(String serverAddress) {
        ObjectNode api = Json.mapper().createObjectNode();
        api.put("kind", "APIVersions");
        api.putArray("versions").add("v1");
        ObjectNode byCidr = api.putArray("serverAddressByClientCIDRs").addObject();
        byCidr.put("clientCIDR", "0.0.0.0/0");
        byCidr.put("serverAddress", serverAddress);
        return api;
    }

    /** {@code /apis}: Herder serves no API group beyond the core one. */
    static ObjectNode groups() {
        ObjectNode groups = Json.mapper().createObjectNode();
        groups.put("kind", "APIGroupList");
        groups.put("apiVersion", "v1");
        groups.putArray("groups");
        return groups;
    }

    /** {@code /api/v1}: each served resource, and the subresources clients look for. */
    static ObjectNode resources() {
        ObjectNode list = Json.mapper().createObjectNode();
        list.put("kind", "APIResourceList");
        list.put("groupVersion", "v1");
        ArrayNode resources = list.putArray("resources");
        for (String kind : Kinds.READABLE) {
            ObjectNode r = resource(resources, Kinds.plural(kind), kind, Kinds.namespaced(kind),
                    Kinds.RECORDED.contains(kind) ? READ : WRITE);
            r.put("singularName", kind.toLowerCase());
            ArrayNode shortNames = r.putArray("shortNames");
            SHORT_NAMES.getOrDefault(kind, List.of()).forEach(shortNames::add);
            if (IN_ALL.contains(kind)) {
                r.putArray("categories").add("all");
            }
        }
        ObjectNode scale = resource(resources, "replicationcontrollers/scale", "Scale", true,
                List.of("get", "patch", "update"));
        scale.put("group", "autoscaling");
        scale.put("version", "v1");
        resource(resources, "pods/log", Pod.KIND, true, List.of("get"));
        resource(resources, "pods/exec", "PodExecOptions", true, List.of("create", "get"));
        return list;
    }

    private static ObjectNode resource(ArrayNode into, String name, String kind, boolean namespaced, List<String> verbs) {
        ObjectNode r = into.addObject();
        r.put("name", name);
        r.put("singularName", "");
        r.put("namespaced", namespaced);
        r.put("kind", kind);
        ArrayNode v = r.putArray("verbs");
        verbs.forEach(v::add);
        return r;
    }
}
