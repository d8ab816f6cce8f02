package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.manifest.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The kubectl installed on this machine (unmodified, its own kubeconfig and cache) against a real Herder cluster on
 * loopback (a control-plane JVM over a real etcd, and an agent of simulated nodes), through Herder's Kubernetes
 * HTTP API. What kubectl prints is compared with what it prints against Kubernetes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlTest {
    private static final int BASE_PORT = 5250;
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              labels:
                app: web
            spec:
              containers:
              - name: app
                image: busybox:1
                command: ["sleep", "3600"]
            """;
    private static final String RC = """
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: frontend
              labels:
                tier: front
            spec:
              replicas: %d
              selector:
                app: frontend
              template:
                metadata:
                  labels:
                    app: frontend
                spec:
                  containers:
                  - name: app
                    image: %s
            """;
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: frontend
            spec:
              selector:
                app: frontend
              ports:
              - port: 7180
                targetPort: 8080
            """;
    private static LocalCluster cluster;
    private static Kubectl kubectl;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.inFolder("kubectl", BASE_PORT, 1);
        cluster.startAllControlPlanes();
        cluster.startSimulatedAgent("kube-node", 2, 0);
        cluster.awaitUp(1, Duration.ofSeconds(60));
        cluster.awaitReadyNodes(2, Duration.ofSeconds(60));
        kubectl = new Kubectl(cluster.httpServer(1), Path.of("target", "cluster-tests", "kubectl", "client")
                .toAbsolutePath());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void discoversTheServerAndItsResources() throws Exception {
        Kubectl.Result version = ok("version");
        assertTrue(version.out().contains("Server Version: v1.32.0-herder"), version::toString);
        Kubectl.Result resources = ok("api-resources");
        for (String line : List.of("pods +po +v1 +true +Pod", "replicationcontrollers +rc +v1 +true +ReplicationController",
                "services +svc +v1 +true +Service", "nodes +no +v1 +false +Node", "events +ev +v1 +true +Event")) {
            assertTrue(Pattern.compile("(?m)^" + line + "\\s*$").matcher(resources.out()).find(),
                    () -> "api-resources lacks " + line + ":\n" + resources);
        }
        Kubectl.Result nodes = ok("get", "nodes");
        assertTrue(nodes.out().startsWith("NAME "), nodes::toString);
        assertTrue(Pattern.compile("(?m)^kube-node-1 +Ready ").matcher(nodes.out()).find(), nodes::toString);
    }

    @Test
    @Order(2)
    void createsGetsAndRefusesASecondCreate() throws Exception {
        assertEquals("pod/web created\n", okWithInput(POD, "create", "-f", "-").out());
        Kubectl.Result again = kubectl.runWithInput(POD, "create", "-f", "-");
        assertEquals(1, again.exitCode(), again::toString);
        assertEquals("Error from server (AlreadyExists): error when creating \"STDIN\": pods \"web\" already exists\n",
                again.err());
        Kubectl.Result table = ok("get", "pods");
        assertTrue(table.out().startsWith("NAME   READY   STATUS"), table::toString);
        assertTrue(Pattern.compile("(?m)^web +\\d/1 +\\w+ +0 +\\S+$").matcher(table.out()).find(), table::toString);
        JsonNode pod = Json.mapper().readTree(ok("get", "pod", "web", "-o", "json").out());
        assertEquals("Pod", pod.path("kind").asText());
        assertEquals("web", pod.path("metadata").path("name").asText());
        assertTrue(Long.parseLong(pod.path("metadata").path("resourceVersion").asText()) > 0);
        assertEquals("web", ok("get", "pods", "-l", "app=web", "-o", "name").out().replace("pod/", "").trim());
        assertEquals("", ok("get", "pods", "-l", "app=other", "-o", "name").out());
        // describe reads the pod, then its events by field selector (involvedObject.name, namespace and uid)
        LocalCluster.await("pod web Scheduled, in its events", Duration.ofSeconds(30), () -> {
            try {
                return ok("describe", "pod", "web").out().contains("Scheduled");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Kubectl.Result described = ok("describe", "pod", "web");
        for (String line : List.of("Name:\\s+web", "Namespace:\\s+default", "Labels:\\s+app=web", "Image:\\s+busybox:1",
                "Events:", "Normal\\s+Scheduled")) {
            assertTrue(Pattern.compile("(?m)^\\s*" + line).matcher(described.out()).find(),
                    () -> "describe pod lacks " + line + ":\n" + described);
        }
        Kubectl.Result missing = kubectl.run("get", "pod", "nope");
        assertEquals(1, missing.exitCode());
        assertEquals("Error from server (NotFound): pods \"nope\" not found\n", missing.err());
    }

    @Test
    @Order(3)
    void labelsAndAnnotatesWithMergePatches() throws Exception {
        assertEquals("pod/web labeled\n", ok("label", "pod", "web", "tier=front").out());
        assertEquals("pod/web annotated\n", ok("annotate", "pod", "web", "note=hello").out());
        JsonNode pod = Json.mapper().readTree(ok("get", "pod", "web", "-o", "json").out());
        assertEquals("front", pod.path("metadata").path("labels").path("tier").asText());
        assertEquals("web", pod.path("metadata").path("labels").path("app").asText());
        assertEquals("hello", pod.path("metadata").path("annotations").path("note").asText());
        assertEquals("pod/web unlabeled\n", ok("label", "pod", "web", "tier-").out());
        assertTrue(ok("get", "pods", "--show-labels").out().contains("app=web"));
    }

    @Test
    @Order(4)
    void appliesCreatesChangesAndLeavesUnchanged() throws Exception {
        assertEquals("replicationcontroller/frontend created\n",
                okWithInput(RC.formatted(2, "busybox:1"), "apply", "-f", "-").out());
        assertEquals("replicationcontroller/frontend configured\n",
                okWithInput(RC.formatted(2, "busybox:2"), "apply", "-f", "-").out());
        assertEquals("replicationcontroller/frontend unchanged\n",
                okWithInput(RC.formatted(2, "busybox:2"), "apply", "-f", "-").out());
        JsonNode rc = Json.mapper().readTree(ok("get", "rc", "frontend", "-o", "json").out());
        assertEquals("busybox:2", rc.at("/spec/template/spec/containers/0/image").asText());
        assertTrue(rc.at("/metadata/annotations").has("kubectl.kubernetes.io/last-applied-configuration"));
        assertEquals("service/frontend created\n", okWithInput(SERVICE, "apply", "-f", "-").out());
        Kubectl.Result all = ok("get", "all");
        assertTrue(all.out().contains("pod/web") && all.out().contains("replicationcontroller/frontend")
                && all.out().contains("service/frontend"), all::toString);
    }

    @Test
    @Order(5)
    void diffsWhatApplyWouldChangeWithoutChangingIt() throws Exception {
        Kubectl.Result diff = kubectl.runWithInput(RC.formatted(2, "busybox:3"), "diff", "-f", "-");
        assertEquals(1, diff.exitCode(), () -> "kubectl diff exits 1 when there are differences: " + diff);
        assertTrue(Pattern.compile("(?m)^-\\s+- image: busybox:2$").matcher(diff.out()).find()
                && Pattern.compile("(?m)^\\+\\s+- image: busybox:3$").matcher(diff.out()).find(), diff::toString);
        assertTrue(Pattern.compile("(?m)^\\+  generation: \\d+$").matcher(diff.out()).find(),
                () -> "a changed spec counts a new generation, as in Kubernetes: " + diff);
        JsonNode rc = Json.mapper().readTree(ok("get", "rc", "frontend", "-o", "json").out());
        assertEquals("busybox:2", rc.at("/spec/template/spec/containers/0/image").asText(), "a dry run stores nothing");
        Kubectl.Result same = kubectl.runWithInput(RC.formatted(2, "busybox:2"), "diff", "-f", "-");
        assertEquals(0, same.exitCode(), same::toString);
        assertEquals("", same.out());
    }

    @Test
    @Order(6)
    void waitsForAPodToBeReady() throws Exception {
        assertEquals("pod/web condition met\n", ok("wait", "--for=condition=Ready", "pod/web", "--timeout=60s").out());
    }

    @Test
    @Order(7)
    void scalesAReplicationController() throws Exception {
        assertEquals("replicationcontroller/frontend scaled\n", ok("scale", "rc", "frontend", "--replicas=3").out());
        LocalCluster.await("3 frontend pods", Duration.ofSeconds(30), () -> {
            try {
                return ok("get", "pods", "-l", "app=frontend", "-o", "name").out().lines().count() == 3;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // kubectl reads Tables in pages (--chunk-size, 500 by default), following each page's continue token
        Kubectl.Result paged = ok("get", "pods", "-l", "app=frontend", "--chunk-size=1");
        assertEquals(4, paged.out().lines().count(), paged::toString);
        Kubectl.Result rcs = ok("get", "rc");
        assertTrue(Pattern.compile("(?m)^frontend +3 +").matcher(rcs.out()).find(), rcs::toString);
        assertEquals("replicationcontroller/frontend scaled\n",
                ok("scale", "rc", "frontend", "--current-replicas=3", "--replicas=1").out());
        Kubectl.Result stale = kubectl.run("scale", "rc", "frontend", "--current-replicas=3", "--replicas=2");
        assertEquals(1, stale.exitCode(), stale::toString);
        // kubectl checks --resource-version itself; the server guards the write on a Scale's resourceVersion too
        Kubectl.Result old = kubectl.run("scale", "rc", "frontend", "--resource-version=1", "--replicas=2");
        assertEquals(1, old.exitCode(), old::toString);
        HttpResponse<String> guarded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                cluster.httpServer(1) + "/api/v1/namespaces/default/replicationcontrollers/frontend/scale"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"apiVersion":"autoscaling/v1","kind":"Scale","metadata":{"name":"frontend",
                        "resourceVersion":"1"},"spec":{"replicas":2}}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(409, guarded.statusCode(), guarded::body);
        assertTrue(guarded.body().contains("\"reason\":\"Conflict\""), guarded::body);
        assertEquals("1", ok("get", "rc", "frontend", "-o", "jsonpath={.spec.replicas}").out());
    }

    @Test
    @Order(8)
    void replacesAndRefusesAStaleReplace() throws Exception {
        JsonNode svc = Json.mapper().readTree(ok("get", "svc", "frontend", "-o", "json").out());
        ObjectNode meta = (ObjectNode) svc.get("metadata");
        (meta.has("labels") ? (ObjectNode) meta.get("labels") : meta.putObject("labels")).put("replaced", "yes");
        assertEquals("service/frontend replaced\n", okWithInput(svc.toString(), "replace", "-f", "-").out());
        Kubectl.Result stale = kubectl.runWithInput(svc.toString(), "replace", "-f", "-");
        assertEquals(1, stale.exitCode(), stale::toString);
        assertTrue(stale.err().contains("Conflict") || stale.err().contains("modified"), stale::toString);
    }

    @Test
    @Order(9)
    void refusesAnInvalidManifestNamingTheField() throws Exception {
        Kubectl.Result bad = kubectl.runWithInput(POD.replace("name: web", "name: Web_Bad").replace("containers:",
                "containerz:"), "create", "-f", "-");
        assertEquals(1, bad.exitCode(), bad::toString);
        assertTrue(bad.err().contains("containerz"), bad::toString);
    }

    @Test
    @Order(9)
    void dropsAnUnknownFieldWithAWarningOrSilentlyWhenValidationIsWarnOrIgnore() throws Exception {
        String lax = POD.replace("name: web", "name: lax").replace("app: web", "app: lax")
                .replace("  containers:", "  colour: blue\n  containers:");
        Kubectl.Result warned = okWithInput(lax, "create", "--validate=warn", "-f", "-");
        assertEquals("pod/lax created\n", warned.out());
        assertTrue(warned.err().contains("unknown field") && warned.err().contains("spec.colour"), warned::toString);
        assertEquals(1, kubectl.runWithInput(lax, "create", "-f", "-").exitCode(), "strict, kubectl's default");
        Kubectl.Result ignored = okWithInput(lax.replace("name: lax", "name: lax-2"), "create", "--validate=ignore",
                "-f", "-");
        assertEquals("pod/lax-2 created\n", ignored.out());
        assertEquals("", ignored.err());
        assertEquals("", ok("get", "pod", "lax-2", "-o", "jsonpath={.spec.colour}").out(), "the unknown field is dropped");
        ok("delete", "pod", "lax", "lax-2");
    }

    @Test
    @Order(10)
    void watchesAPodBeAddedChangedAndDeleted() throws Exception {
        Path out = Path.of("target", "cluster-tests", "kubectl", "client", "watch.txt").toAbsolutePath();
        okWithInput(POD.replace("name: web", "name: watched").replace("app: web", "app: watched"), "create", "-f", "-");
        Process watch = kubectl.start(out, "get", "pods", "-w", "--output-watch-events", "-l", "app=watched");
        try {
            // the list kubectl starts from shows the pod as ADDED; the watch from its revision brings the rest,
            // even changes made before the watch reached the server
            awaitLine(out, "ADDED", watch);
            ok("annotate", "pod", "watched", "step=two");
            awaitLine(out, "MODIFIED", watch);
            ok("delete", "pod", "watched");
            awaitLine(out, "DELETED", watch);
            assertTrue(watch.isAlive(), () -> "kubectl get -w ended by itself: " + read(out));
        } finally {
            watch.destroy();
        }
    }

    private static void awaitLine(Path out, String event, Process watch) {
        LocalCluster.await("a " + event + " line for pod watched", Duration.ofSeconds(30), () -> {
            if (!watch.isAlive()) {
                throw new AssertionError("kubectl get -w ended: " + read(out));
            }
            return Pattern.compile("(?m)^" + event + " +watched ").matcher(read(out)).find();
        });
    }

    @Test
    @Order(11)
    void deletesAndTheNextGetIsNotFound() throws Exception {
        assertEquals("pod \"web\" deleted\n", ok("delete", "pod", "web").out());
        assertEquals(1, kubectl.run("get", "pod", "web").exitCode());
        // foreground: kubectl waits until the controller is gone, which is only once its pods are
        assertEquals("replicationcontroller \"frontend\" deleted\n",
                ok("delete", "rc", "frontend", "--cascade=foreground").out());
        assertEquals("", ok("get", "pods", "-l", "app=frontend", "-o", "name").out());
        assertEquals(1, kubectl.run("get", "rc", "frontend").exitCode());
    }

    @Test
    @Order(12)
    void appliesServerSideWithManagedFieldsAndConflicts() throws Exception {
        String applied = RC.replace("name: frontend", "name: applied").replace("app: frontend", "app: applied");
        assertEquals("replicationcontroller/applied serverside-applied\n",
                okWithInput(applied.formatted(0, "busybox:1"), "apply", "--server-side", "-f", "-").out());
        JsonNode created = Json.mapper().readTree(ok("get", "rc", "applied", "-o", "json", "--show-managed-fields")
                .out());
        JsonNode entry = created.at("/metadata/managedFields/0");
        assertEquals("kubectl", entry.path("manager").asText(), created::toString);
        assertEquals("Apply", entry.path("operation").asText());
        assertEquals("FieldsV1", entry.path("fieldsType").asText());
        assertTrue(entry.at("/fieldsV1/f:spec/f:replicas").isObject(), entry::toString);
        assertTrue(entry.at("/fieldsV1/f:metadata/f:labels/f:tier").isObject(), entry::toString);

        okWithInput(applied.formatted(0, "busybox:2").replace("  labels:\n    tier: front\n", ""), "apply",
                "--server-side", "-f", "-");
        JsonNode changed = Json.mapper().readTree(ok("get", "rc", "applied", "-o", "json").out());
        assertEquals("busybox:2", changed.at("/spec/template/spec/containers/0/image").asText());
        assertTrue(changed.at("/metadata/labels/tier").isMissingNode(),
                () -> "a label the applier no longer sets and no one else owns is removed: " + changed);
        okWithInput(applied.formatted(0, "busybox:2").replace("  labels:\n    tier: front\n", ""), "apply",
                "--server-side", "-f", "-");
        assertEquals(changed.at("/metadata/resourceVersion").asText(),
                ok("get", "rc", "applied", "-o", "jsonpath={.metadata.resourceVersion}").out(),
                "an apply that changes nothing writes nothing");

        Kubectl.Result dryRun = okWithInput(applied.formatted(0, "busybox:3"), "apply", "--server-side",
                "--dry-run=server", "-o", "jsonpath={.spec.template.spec.containers[0].image}", "-f", "-");
        assertEquals("busybox:3", dryRun.out());
        assertEquals("busybox:2", ok("get", "rc", "applied", "-o",
                "jsonpath={.spec.template.spec.containers[0].image}").out(), "a dry run stores nothing");
        HttpResponse<String> unnamed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                cluster.httpServer(1) + "/api/v1/namespaces/default/replicationcontrollers/applied"))
                .header("Content-Type", "application/apply-patch+yaml").method("PATCH",
                        HttpRequest.BodyPublishers.ofString(applied.formatted(0, "busybox:2"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unnamed.statusCode(), unnamed::body);
        assertTrue(unnamed.body().contains("fieldManager is required"), unnamed::body);

        ok("patch", "rc", "applied", "-p", "{\"spec\":{\"replicas\":1}}");
        Kubectl.Result conflict = kubectl.runWithInput(applied.formatted(0, "busybox:2"), "apply", "--server-side",
                "-f", "-");
        assertEquals(1, conflict.exitCode(), conflict::toString);
        assertTrue(conflict.err().contains("Apply failed with 1 conflict: conflict with \"kubectl-patch\" using v1:"
                + " .spec.replicas"), conflict::toString);
        assertEquals("1", ok("get", "rc", "applied", "-o", "jsonpath={.spec.replicas}").out());

        okWithInput(applied.formatted(0, "busybox:2"), "apply", "--server-side", "--force-conflicts", "-f", "-");
        assertEquals("0", ok("get", "rc", "applied", "-o", "jsonpath={.spec.replicas}").out());
        JsonNode forced = Json.mapper().readTree(ok("get", "rc", "applied", "-o", "json", "--show-managed-fields")
                .out());
        for (JsonNode manager : forced.at("/metadata/managedFields")) {
            assertEquals(manager.path("manager").asText().equals("kubectl"),
                    manager.at("/fieldsV1/f:spec/f:replicas").isObject(), forced::toString);
        }
        ok("scale", "rc", "applied", "--replicas=1");
        Kubectl.Result scaled = kubectl.runWithInput(applied.formatted(0, "busybox:2"), "apply", "--server-side",
                "-f", "-");
        assertEquals(1, scaled.exitCode(), scaled::toString);
        assertTrue(Pattern.compile("Apply failed with 1 conflict: conflict with \"kubectl[a-z-]*\" with subresource"
                + " \"scale\" using v1: \\.spec\\.replicas").matcher(scaled.err()).find(), scaled::toString);
        assertEquals("replicationcontroller \"applied\" deleted\n", ok("delete", "rc", "applied").out());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Kubectl.Result ok(String... args) throws Exception {
        Kubectl.Result r = kubectl.run(args);
        assertEquals(0, r.exitCode(), () -> "kubectl " + String.join(" ", args) + ": " + r);
        return r;
    }

    private static Kubectl.Result okWithInput(String stdin, String... args) throws Exception {
        Kubectl.Result r = kubectl.runWithInput(stdin, args);
        assertEquals(0, r.exitCode(), () -> "kubectl " + String.join(" ", args) + ": " + r);
        return r;
    }
}
