package dev.herder.protocol.manifest.schema;

import static dev.herder.protocol.manifest.schema.Schema.Scalar.BOOL;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.INT64;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.QUANTITY;
import static dev.herder.protocol.manifest.schema.Schema.Scalar.STRING;
import static dev.herder.protocol.manifest.schema.Schema.listOf;
import static dev.herder.protocol.manifest.schema.Schema.mapOf;
import static dev.herder.protocol.manifest.schema.Schema.object;

/** Kubernetes core/v1 PodSpec, Volume and PodTemplateSpec. */
final class PodSchemas {
    static final Schema.Obj VOLUME = object()
            .field("name", STRING)
            .field("emptyDir", object().field("medium", STRING).field("sizeLimit", QUANTITY).build())
            .field("hostPath", object().field("path", STRING).field("type", STRING).build())
            .unsupported("gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi",
                    "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker",
                    "downwardAPI", "fc", "azureFile", "configMap", "vsphereVolume", "quobyte", "azureDisk",
                    "photonPersistentDisk", "projected", "portworxVolume", "scaleIO", "storageos", "csi",
                    "ephemeral", "image")
            .build();

    static final Schema.Obj POD_SPEC = object()
            .field("containers", listOf(ContainerSchemas.CONTAINER))
            .field("initContainers", listOf(ContainerSchemas.CONTAINER))
            .field("volumes", listOf(VOLUME))
            .field("restartPolicy", STRING)
            .field("nodeSelector", mapOf(STRING))
            .field("nodeName", STRING)
            .field("terminationGracePeriodSeconds", INT64)
            .field("hostNetwork", BOOL)
            .field("hostname", STRING)
            .field("serviceAccountName", STRING)
            .unsupported("ephemeralContainers", "activeDeadlineSeconds", "dnsPolicy", "dnsConfig",
                    "serviceAccount", "automountServiceAccountToken", "hostPID", "hostIPC", "hostUsers",
                    "shareProcessNamespace", "securityContext", "imagePullSecrets", "subdomain",
                    "setHostnameAsFQDN", "hostnameOverride", "hostAliases", "affinity", "tolerations",
                    "schedulerName", "schedulingGates", "schedulingGroup", "priorityClassName", "priority",
                    "preemptionPolicy", "readinessGates", "runtimeClassName", "enableServiceLinks", "overhead",
                    "topologySpreadConstraints", "os", "resourceClaims", "resources")
            .build();

    static final Schema.Obj POD_TEMPLATE_SPEC = object()
            .field("metadata", MetaSchemas.OBJECT_META)
            .field("spec", POD_SPEC)
            .build();

    private PodSchemas() {
    }
}
