package dev.herder.protocol.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: app
                image: nginx
            """;
    static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {selector: {app: web}, ports: [{port: 80}]}
            """;

    @Test
    void readsSeveralDocumentsWithLeadingMarkerAndSkipsEmptyOnes() {
        String text = "---\n" + POD + "---\n---\n# only a comment\n---\n" + SERVICE + "---\n";
        List<ApiObject> objects = ManifestReader.read(text, "app.yaml").objects();
        assertEquals(List.of("Pod", "Service"), objects.stream().map(ApiObject::kind).toList());
    }

    @Test
    void appliesTheDefaultNamespaceButKeepsAGivenOne() {
        List<ApiObject> objects = ManifestReader.read(POD + "---\n" + SERVICE, "app.yaml").objects();
        assertEquals("default", objects.get(0).metadata().namespace());
        assertEquals("shop", objects.get(1).metadata().namespace());
        assertEquals("v1", objects.get(0).apiVersion());
    }

    @Test
    void dropsTheNamespaceOfAClusterScopedNodeWithAWarning() {
        ReadResult result = ManifestReader.read("{apiVersion: v1, kind: Node, metadata: {name: n1, namespace: x}}",
                "node.yaml");
        Node node = (Node) result.objects().get(0);
        assertNull(node.metadata().namespace());
        assertEquals(List.of("node.yaml: Node/n1: metadata.namespace: ignored, Node is cluster-scoped"),
                result.warnings());
    }

    @Test
    void flattensAListAndATypedListWhoseItemsOmitKind() {
        String list = "apiVersion: v1\nkind: List\nmetadata: {resourceVersion: ''}\nitems:\n"
                + "- {apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: c, image: i}]}}\n"
                + "- {apiVersion: v1, kind: Service, metadata: {name: b}, spec: {ports: [{port: 80}]}}\n";
        assertEquals(List.of("Pod", "Service"),
                ManifestReader.read(list, "l.yaml").objects().stream().map(ApiObject::kind).toList());
        String podList = "{\"apiVersion\":\"v1\",\"kind\":\"PodList\",\"items\":[{\"metadata\":{\"name\":\"a\"}}]}";
        Pod pod = (Pod) ManifestReader.read(podList, "l.json").objects().get(0);
        assertEquals("Pod", pod.kind());
        assertEquals("a", pod.metadata().name());
    }

    @Test
    void readsJsonIncludingAStreamOfObjectsAndATopLevelArray() {
        String one = "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"n1\"}}";
        String two = one.replace("n1", "n2");
        assertEquals(2, ManifestReader.read(one + "\n" + two, "n.json").objects().size());
        assertEquals(2, ManifestReader.read("[" + one + "," + two + "]", "n.json").objects().size());
    }

    @Test
    void readsJsonWithTrailingCommasAsYamlFlowStyle() {
        String text = "{ apiVersion: \"v1\", kind: \"Node\", metadata: { name: \"n1\", }, }";
        assertEquals("n1", ManifestReader.read(text, "n.yaml").objects().get(0).metadata().name());
    }

    @Test
    void reportsAYamlSyntaxErrorWithLineColumnAndTheParsersShortMessage() {
        String text = POD + "---\napiVersion: v1\nkind: Pod\nmetadata: [name: x\n";
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(text, "bad.yaml"));
        assertEquals(1, e.errors().size());
        String error = e.errors().get(0);
        assertTrue(error.startsWith("bad.yaml: line 13, column 1: expected ',' or ']', but got <stream end>"
                + " (while parsing a flow sequence at line 12, column 11)"), error);
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertFalse(e.getMessage().contains("Exception"), "no stack trace or class names");
    }

    @Test
    void reportsADuplicateKeyWithItsLine() {
        String text = "apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n  name: b\n";
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(text, "d.yaml"));
        assertEquals(List.of("d.yaml: line 5, column 7: duplicate key 'name'"), e.errors());
    }

    @Test
    void keepsReadingTheOtherDocumentsAfterASyntaxErrorAndReportsAllErrorsAtOnce() {
        String text = "a: [\n---\n" + POD.replace("image", "imagge") + "---\n" + SERVICE.replace("v1", "v2");
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(text, "m.yaml"));
        assertEquals(3, e.errors().size(), e.errors().toString());
        assertTrue(e.errors().get(0).startsWith("m.yaml: line 2, column 1: "), e.errors().get(0));
        assertEquals("m.yaml: Pod/web: spec.containers[0].imagge: unknown field (did you mean image?)",
                e.errors().get(1));
        assertEquals("m.yaml: Service/web: apiVersion: unsupported value \"v2\": Service is v1", e.errors().get(2));
        assertTrue(e.getMessage().endsWith("(and 2 more errors)"), e.getMessage());
    }

    @Test
    void resolvesAnchorsAliasesAndMergeKeys() {
        String text = """
                apiVersion: v1
                kind: Pod
                metadata: {name: web, labels: &labels {app: web}, annotations: *labels}
                spec:
                  containers:
                  - &base {name: a, image: nginx, args: [x]}
                  - <<: *base
                    name: b
                """;
        Pod pod = (Pod) ManifestReader.read(text, "a.yaml").objects().get(0);
        assertEquals("web", pod.metadata().annotations().get("app"));
        assertEquals("b", pod.spec().containers().get(1).name());
        assertEquals("nginx", pod.spec().containers().get(1).image());
        assertEquals(List.of("x"), pod.spec().containers().get(1).args());
    }

    @Test
    void treatsAnEmptyYamlValueAsAbsentButKeepsAQuotedEmptyString() {
        String text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n  annotations: {a: \"\"}\n"
                + "spec:\n  containers: [{name: c, image: i}]\n";
        Pod pod = (Pod) ManifestReader.read(text, "e.yaml").objects().get(0);
        assertNull(pod.metadata().labels());
        assertEquals("", pod.metadata().annotations().get("a"));
    }

    @Test
    void requiresApiVersionAndKindAndAnObject() {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(
                "kind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nmetadata: {name: b}\n---\n- x\n", "k.yaml"));
        assertEquals(List.of("k.yaml: Pod/a: apiVersion: required", "k.yaml: object/b: kind: required",
                "k.yaml: document at line 7: must be an object with apiVersion and kind, got ARRAY"), e.errors());
    }

    @Test
    void namesTheSupportedKindsForAnUnknownKind() {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(
                "{apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n---\n{apiVersion: v1, kind: pod}", "c.yaml"));
        assertEquals(List.of("c.yaml: ConfigMap/c: kind ConfigMap is not supported by Herder; supported kinds:"
                        + " Pod, ReplicationController, Service, Node, List",
                "c.yaml: pod at line 3: kind pod is not supported by Herder (did you mean Pod?); supported kinds:"
                        + " Pod, ReplicationController, Service, Node, List"), e.errors());
    }

    @Test
    void refusesOtherAppsWorkloadsWithAdvice() {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(
                "{apiVersion: extensions/v1beta1, kind: ReplicaSet, metadata: {name: r}}\n---\n"
                        + "{apiVersion: apps/v1, kind: DaemonSet, metadata: {name: d}}", "w.yaml"));
        assertEquals("w.yaml: ReplicaSet/r: extensions/v1beta1 ReplicaSet is not supported by Herder yet; use a"
                + " ReplicationController (apiVersion: v1, kind: ReplicationController) with the same template and"
                + " selector.matchLabels as selector", e.errors().get(0));
        assertTrue(e.errors().get(1).startsWith("w.yaml: DaemonSet/d: apps/v1 DaemonSet is not supported by Herder"
                + " yet; run one Pod per node"), e.errors().get(1));
    }

    @Test
    void refusesAnEventSayingHowToReadEvents() {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(
                "{apiVersion: v1, kind: Event, metadata: {name: e}, reason: Made}", "e.yaml"));
        assertEquals(List.of("e.yaml: Event/e: Event objects are recorded by Herder's controllers, not applied; list"
                + " them with \"herder get events\" or see an object's with \"herder describe\""), e.errors());
    }

    @Test
    void refusesEndpointsSayingHerderKeepsThem() {
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(
                "{apiVersion: v1, kind: Endpoints, metadata: {name: web}}", "e.yaml"));
        assertTrue(e.errors().get(0).startsWith("e.yaml: Endpoints/web: Endpoints objects are kept by Herder from the"
                + " ready pods a service selects"), e.errors().get(0));
    }

    @Test
    void ignoresStatusWithoutAWarning() {
        ReadResult result = ManifestReader.read(POD + "status: {phase: Running, podIP: 10.0.0.1}\n", "s.yaml");
        assertEquals(List.of(), result.warnings());
        assertNull(((Pod) result.objects().get(0)).status());
    }

    @Test
    void refusesAnObjectOverOneMebibyteNamingItAndItsSize() {
        String big = "x".repeat(1_100_000);
        String text = "{apiVersion: v1, kind: Pod, metadata: {name: huge}, spec: {containers: [{name: c, image: i,"
                + " args: [\"" + big + "\"]}]}}";
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(text, "h.yaml"));
        assertEquals(List.of("h.yaml: Pod/huge: object is 1.05 MiB (1100120 bytes) as JSON; the limit is 1 MiB"
                + " (1048576 bytes)"), e.errors());
    }
}
