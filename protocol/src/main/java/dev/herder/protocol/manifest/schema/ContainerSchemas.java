package dev.herder.protocol.manifest.schema;

import static dev.herder.protocol.manifest.schema.Schema.Scalar.BOOL;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.INT32;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.INT64;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.INT_OR_STRING;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.QUANTITY;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.STRING;
import static dev.herder.protocol.manifest.schema.Schema.listOf;
import static dev.herder.protocol.manifest.schema.Schema.mapOf;
import static dev.herder.protocol.manifest.schema.Schema.object;

/** Kubernetes core/v1 Container and what it holds: ports, env, resources, mounts, probes, lifecycle. */
final class ContainerSchemas {
    static final Schema.Obj EXEC = object().field("command", listOf(STRING)).build();
    static final Schema.Obj HTTP_GET = object()
            .field("path", STRING).field("port", INT_OR_STRING).field("host", STRING).field("scheme", STRING)
            .field("httpHeaders", listOf(object().field("name", STRING).field("value", STRING).build()))
            .build();
    static final Schema.Obj TCP_SOCKET = object().field("port", INT_OR_STRING).field("host", STRING).build();

    static final Schema.Obj PROBE = object()
            .field("exec", EXEC).field("httpGet", HTTP_GET).field("tcpSocket", TCP_SOCKET)
            .field("initialDelaySeconds", INT32).field("periodSeconds", INT32).field("timeoutSeconds", INT32)
            .field("successThreshold", INT32).field("failureThreshold", INT32)
            .field("terminationGracePeriodSeconds", INT64)
            .unsupported("grpc")
            .build();

    static final Schema.Obj LIFECYCLE_HANDLER = object()
            .field("exec", EXEC).field("httpGet", HTTP_GET).field("tcpSocket", TCP_SOCKET)
            .unsupported("sleep")
            .build();

    static final Schema.Obj LIFECYCLE = object()
            .field("postStart", LIFECYCLE_HANDLER).field("preStop", LIFECYCLE_HANDLER)
            .unsupported("stopSignal")
            .build();

    static final Schema.Obj PORT = object()
            .field("name", STRING).field("containerPort", INT32).field("hostPort", INT32)
            .field("hostIP", STRING).field("protocol", STRING)
            .build();

    static final Schema.Obj ENV_VAR_SOURCE = object()
            .field("fieldRef", object().field("apiVersion", STRING).field("fieldPath", STRING).build())
            .unsupported("resourceFieldRef", "configMapKeyRef", "secretKeyRef")
            .build();

    static final Schema.Obj ENV_VAR = object()
            .field("name", STRING).field("value", STRING).field("valueFrom", ENV_VAR_SOURCE)
            .build();

    static final Schema.Obj RESOURCES = object()
            .field("requests", mapOf(QUANTITY)).field("limits", mapOf(QUANTITY))
            .unsupported("claims")
            .build();

    static final Schema.Obj VOLUME_MOUNT = object()
            .field("name", STRING).field("mountPath", STRING).field("readOnly", BOOL).field("subPath", STRING)
            .unsupported("recursiveReadOnly", "mountPropagation", "subPathExpr")
            .build();

    /** A container; dependsOn is Herder's own extension (containers this one starts after). */
    static final Schema.Obj CONTAINER = object()
            .field("name", STRING).field("image", STRING)
            .field("command", listOf(STRING)).field("args", listOf(STRING)).field("workingDir", STRING)
            .field("env", listOf(ENV_VAR)).field("ports", listOf(PORT)).field("resources", RESOURCES)
            .field("volumeMounts", listOf(VOLUME_MOUNT))
            .field("livenessProbe", PROBE).field("readinessProbe", PROBE).field("startupProbe", PROBE)
            .field("lifecycle", LIFECYCLE).field("imagePullPolicy", STRING)
            .field("dependsOn", listOf(STRING))
            .unsupported("envFrom", "resizePolicy", "restartPolicy", "volumeDevices", "terminationMessagePath",
                    "terminationMessagePolicy", "securityContext", "stdin", "stdinOnce", "tty", "restartPolicyRules")
            .build();

    private ContainerSchemas() {
    }
}
