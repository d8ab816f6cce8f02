package dev.herder.protocol.manifest.schema;

import static dev.herder.protocol.manifest.schema.Schema.Scalar.BOOL;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.INT32;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.INT_OR_STRING;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.STRING;
import static dev.herder.protocol.manifest.schema.Schema.listOf;
import static dev.herder.protocol.manifest.schema.Schema.mapOf;
import static dev.herder.protocol.manifest.schema.Schema.object;

import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.api.Service;
import java.util.Map;
import java.util.Optional;

/** The schema of each top-level kind Herder reads: apiVersion, kind, metadata, spec; status is dropped. */
public final class KindSchemas {
    static final Schema.Obj ROLLING_UPDATE = object()
            .field("maxUnavailable", INT_OR_STRING).field("maxSurge", INT_OR_STRING)
            .build();

    static final Schema.Obj STRATEGY = object()
            .field("type", STRING).field("rollingUpdate", ROLLING_UPDATE)
            .build();

    static final Schema.Obj REPLICATION_CONTROLLER_SPEC = object()
            .field("replicas", INT32).field("minReadySeconds", INT32)
            .field("selector", mapOf(STRING)).field("template", PodSchemas.POD_TEMPLATE_SPEC)
            .field("strategy", STRATEGY).field("paused", BOOL).field("progressDeadlineSeconds", INT32)
            .field("autoRollback", BOOL).field("revisionHistoryLimit", INT32)
            .build();

    static final Schema.Obj SERVICE_PORT = object()
            .field("name", STRING).field("protocol", STRING).field("port", INT32)
            .field("targetPort", INT_OR_STRING).field("nodePort", INT32)
            .unsupported("appProtocol")
            .build();

    static final Schema.Obj SERVICE_SPEC = object()
            .field("selector", mapOf(STRING)).field("ports", listOf(SERVICE_PORT)).field("type", STRING)
            .field("clusterIP", STRING).field("sessionAffinity", STRING)
            .unsupported("clusterIPs", "externalIPs", "sessionAffinityConfig", "loadBalancerIP",
                    "loadBalancerSourceRanges", "loadBalancerClass", "externalName", "externalTrafficPolicy",
                    "internalTrafficPolicy", "healthCheckNodePort", "publishNotReadyAddresses", "ipFamilies",
                    "ipFamilyPolicy", "allocateLoadBalancerNodePorts", "trafficDistribution")
            .build();

    static final Schema.Obj NODE_SPEC = object()
            .field("unschedulable", BOOL).field("podCIDR", STRING).field("providerID", STRING)
            .unsupported("podCIDRs", "taints", "configSource", "externalID")
            .build();

    private static final Map<String, Schema.Obj> BY_KIND = Map.of(
            Pod.KIND, topLevel(PodSchemas.POD_SPEC),
            ReplicationController.KIND, topLevel(REPLICATION_CONTROLLER_SPEC),
            Service.KIND, topLevel(SERVICE_SPEC),
            Node.KIND, topLevel(NODE_SPEC));

    private KindSchemas() {
    }

    /** The whole object's schema for a kind Herder serves. */
    public static Optional<Schema.Obj> of(String kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }

    private static Schema.Obj topLevel(Schema.Obj spec) {
        return object()
                .field("apiVersion", STRING).field("kind", STRING)
                .field("metadata", MetaSchemas.OBJECT_META).field("spec", spec)
                .ignored("status")
                .build();
    }
}
