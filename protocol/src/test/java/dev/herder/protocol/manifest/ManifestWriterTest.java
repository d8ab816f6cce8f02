package dev.herder.protocol.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestWriterTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels: {app: web, tier: "123", enabled: "true", switch: "on", nothing: "null", empty: ""}
              annotations: {note: "a: b # c", multi: "line one\\nline two"}
            spec:
              restartPolicy: Always
              terminationGracePeriodSeconds: 0
              containers:
              - name: app
                image: nginx:1.27
                args: ["--port", "8080", "yes", "~"]
                env: [{name: MY_POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
                ports: [{name: http, containerPort: 8080}]
                resources: {requests: {cpu: 250m, memory: 64Mi}, limits: {cpu: "1"}}
                livenessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 5}
                readinessProbe: {tcpSocket: {port: 8080}}
                volumeMounts: [{name: data, mountPath: /data}]
                dependsOn: [db]
              - {name: db, image: redis}
              volumes: [{name: data, emptyDir: {}}, {name: host, hostPath: {path: /var/log}}]
            """;
    static final String RC = """
            {apiVersion: v1, kind: ReplicationController, metadata: {name: rc, namespace: shop},
             spec: {replicas: 0, selector: {app: x}, template: {metadata: {labels: {app: x}},
               spec: {containers: [{name: c, image: i}]}}}}
            """;
    static final String SERVICE = """
            {apiVersion: v1, kind: Service, metadata: {name: svc},
             spec: {type: NodePort, selector: {app.kubernetes.io/name: x},
               ports: [{name: web, port: 80, targetPort: http, nodePort: 30080}]}}
            """;
    static final String NODE = "{apiVersion: v1, kind: Node, metadata: {name: n1}, spec: {unschedulable: true}}";

    static Stream<ApiObject> objects() {
        return Stream.of(POD, RC, SERVICE, NODE).map(text -> ManifestReader.read(text, "t.yaml").objects().get(0));
    }

    @ParameterizedTest
    @MethodSource("objects")
    void readingWrittenJsonGivesBackTheSameObject(ApiObject object) {
        assertEquals(object, ManifestReader.read(ManifestWriter.toJson(object), "o.json").objects().get(0));
    }

    @ParameterizedTest
    @MethodSource("objects")
    void readingWrittenYamlGivesBackTheSameObject(ApiObject object) {
        String yaml = ManifestWriter.toYaml(object);
        assertEquals(object, ManifestReader.read(yaml, "o.yaml").objects().get(0), yaml);
    }

    @Test
    void writesFieldsInKubernetesOrderAndLeavesOutNullsAndEmptyCollections() throws Exception {
        Pod pod = (Pod) objects().findFirst().orElseThrow();
        String json = ManifestWriter.toJson(pod);
        JsonNode tree = Json.mapper().readTree(json);
        assertEquals(List.of("apiVersion", "kind", "metadata", "spec"), names(tree));
        assertFalse(json.contains(": null"), json);
        assertFalse(json.contains("[ ]") || json.contains("{ }") && !json.contains("\"emptyDir\" : { }"), json);
        assertFalse(tree.path("spec").path("volumes").get(0).has("hostPath"));
        assertTrue(tree.path("spec").path("volumes").get(0).has("emptyDir"), "an empty emptyDir is a volume source");
        assertEquals(0, tree.path("spec").path("terminationGracePeriodSeconds").asInt(-1), "zero is kept");
        assertTrue(ManifestWriter.toYaml(pod).startsWith("apiVersion: v1\nkind: Pod\nmetadata:\n"));
    }

    @Test
    void writesAListInTheApiServersShape() throws Exception {
        List<ApiObject> pods = List.of(objects().findFirst().orElseThrow());
        JsonNode list = Json.mapper().readTree(ManifestWriter.listToJson("Pod", pods));
        assertEquals(List.of("apiVersion", "kind", "metadata", "items"), names(list));
        assertEquals("PodList", list.get("kind").asText());
        assertEquals("{\"resourceVersion\":\"\"}", list.get("metadata").toString());
        assertEquals("web", list.get("items").get(0).path("metadata").path("name").asText());
        String empty = ManifestWriter.listToJson("Service", List.of());
        assertEquals("{\"apiVersion\":\"v1\",\"kind\":\"ServiceList\",\"metadata\":{\"resourceVersion\":\"\"},"
                + "\"items\":[]}", Json.mapper().readTree(empty).toString());
    }

    @Test
    void writtenListsReadBackAsTheirItems() {
        List<ApiObject> all = objects().toList();
        assertEquals(all, ManifestReader.read(ManifestWriter.listToYaml("List", all), "l.yaml").objects());
        assertEquals(all, ManifestReader.read(ManifestWriter.listToJson("List", all), "l.json").objects());
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
