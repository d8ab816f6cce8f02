package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.protocol.manifest.Json;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java Kubernetes client most Java programs use (fabric8's, unmodified) against a real Herder cluster on
 * loopback through its Kubernetes HTTP API: CRUD of every kind, paged lists, and a shared informer that must see
 * every change of 200 pods in order although the server cuts its watches every few seconds.
 */
class KubernetesClientTest {
    private static final int BASE_PORT = 4450;
    private static final String NS = "default";
    /** Watches end this often here, so the informer has to watch again from where it was, many times. */
    private static final String WATCH_TIMEOUT = "3s";
    private static LocalCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.inFolder("kubernetes-client", BASE_PORT, 1);
        cluster.controlPlaneConfig("herder.control-plane.http.watch.timeout = " + WATCH_TIMEOUT + "\n");
        cluster.startAllControlPlanes();
        cluster.startSimulatedAgent("f8-node", 2, 0);
        cluster.awaitUp(1, Duration.ofSeconds(60));
        cluster.awaitReadyNodes(2, Duration.ofSeconds(60));
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(cluster.httpServer(1))
                .withRequestTimeout(30_000).withNamespace(NS).build();
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void createsReadsUpdatesAndDeletesEveryKind() {
        Pod pod = client.pods().resource(pod("crud-pod", "crud")).create();
        assertNotNull(pod.getMetadata().getUid());
        assertTrue(Long.parseLong(pod.getMetadata().getResourceVersion()) > 0);
        assertEquals("crud", client.pods().withName("crud-pod").get().getMetadata().getLabels().get("app"));
        // edit is guarded on the version it read (a 409 if the pod changed meanwhile, as in Kubernetes): wait
        // until the scheduler and the agent are done with it
        client.pods().withName("crud-pod").waitUntilCondition(p -> p != null && p.getStatus() != null
                && "Running".equals(p.getStatus().getPhase()), 30, TimeUnit.SECONDS);
        Pod edited = client.pods().withName("crud-pod").edit(p -> new PodBuilder(p).editMetadata()
                .addToLabels("edited", "yes").endMetadata().build());
        assertEquals("yes", edited.getMetadata().getLabels().get("edited"));
        KubernetesClientException exists = assertThrows(KubernetesClientException.class,
                () -> client.pods().resource(pod("crud-pod", "crud")).create());
        assertEquals(409, exists.getCode());

        ReplicationController rc = client.replicationControllers().resource(new ReplicationControllerBuilder()
                .withNewMetadata().withName("crud-rc").endMetadata()
                .withNewSpec().withReplicas(1).withSelector(Map.of("app", "crud-rc"))
                .withNewTemplate().withNewMetadata().addToLabels("app", "crud-rc").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("busybox:1").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        assertEquals(1, rc.getSpec().getReplicas());
        ReplicationController scaled = client.replicationControllers().withName("crud-rc").scale(2);
        assertEquals(2, scaled.getSpec().getReplicas());
        // an update is guarded on the version it carries: wait until the controller has its two pods ready and
        // stops writing its status
        ReplicationController current = client.replicationControllers().withName("crud-rc").waitUntilCondition(
                r -> r.getStatus() != null && Integer.valueOf(2).equals(r.getStatus().getReadyReplicas()), 30,
                TimeUnit.SECONDS);
        current.getMetadata().getLabels().put("tier", "back");
        assertEquals("back", client.replicationControllers().resource(current).update().getMetadata().getLabels()
                .get("tier"));
        KubernetesClientException stale = assertThrows(KubernetesClientException.class,
                () -> client.replicationControllers().resource(current).update());
        assertEquals(409, stale.getCode(), "an update from a resourceVersion that is no longer current");

        Service service = client.services().resource(new ServiceBuilder().withNewMetadata().withName("crud-svc")
                .endMetadata().withNewSpec().addToSelector("app", "crud-rc").addNewPort().withPort(7280)
                .endPort().endSpec().build()).create();
        assertEquals(7280, service.getSpec().getPorts().get(0).getPort());

        assertTrue(client.nodes().list().getItems().size() >= 2);
        client.nodes().withName("f8-node-1").edit(n -> {
            n.getMetadata().getLabels().put("disk", "ssd");
            return n;
        });
        assertEquals("ssd", client.nodes().withName("f8-node-1").get().getMetadata().getLabels().get("disk"));

        assertEquals(1, client.services().withName("crud-svc").delete().size());
        assertEquals(1, client.replicationControllers().withName("crud-rc").delete().size());
        assertEquals(1, client.pods().withName("crud-pod").delete().size());
        // a pod on a node is deleted gracefully: Terminating until its agent has stopped it, then gone
        LocalCluster.await("crud-pod gone once its node stopped it", Duration.ofSeconds(30),
                () -> client.pods().withName("crud-pod").get() == null);
        assertNull(client.services().withName("crud-svc").get());
    }

    @Test
    void appliesServerSideOwningFieldsAndConflictingWithAnotherManager() {
        ReplicationController created = client.resource(applied("busybox:1")).fieldManager("f8-tool")
                .serverSideApply();
        assertEquals("busybox:1", created.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        ManagedFieldsEntry entry = created.getMetadata().getManagedFields().get(0);
        assertEquals(List.of("f8-tool", "Apply", "FieldsV1"), List.of(entry.getManager(), entry.getOperation(),
                entry.getFieldsType()));
        assertTrue(entry.getFieldsV1().getAdditionalProperties().containsKey("f:spec"), entry::toString);

        ReplicationController changed = client.resource(applied("busybox:2")).fieldManager("f8-tool")
                .serverSideApply();
        assertEquals("busybox:2", changed.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());

        // an Update by another manager (fabric8's own, from its User-Agent), unguarded: the controller writes
        // its status meanwhile
        client.replicationControllers().withName("f8-applied").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"replicas\":1}}");
        KubernetesClientException conflict = assertThrows(KubernetesClientException.class,
                () -> client.resource(applied("busybox:2")).fieldManager("f8-tool").serverSideApply());
        assertEquals(409, conflict.getCode());
        assertEquals("Conflict", conflict.getStatus().getReason());
        assertEquals(List.of(".spec.replicas"), conflict.getStatus().getDetails().getCauses().stream()
                .map(StatusCause::getField).toList());
        assertTrue(conflict.getStatus().getMessage().startsWith("Apply failed with 1 conflict: conflict with"
                + " \"fabric8-kubernetes-client\" using v1: .spec.replicas"), conflict::getMessage);

        ReplicationController forced = client.resource(applied("busybox:2")).fieldManager("f8-tool")
                .forceConflicts().serverSideApply();
        assertEquals(0, forced.getSpec().getReplicas());
        assertEquals(1, client.replicationControllers().withName("f8-applied").delete().size());
    }

    private static ReplicationController applied(String image) {
        return new ReplicationControllerBuilder().withNewMetadata().withName("f8-applied").endMetadata()
                .withNewSpec().withReplicas(0).withSelector(Map.of("app", "f8-applied"))
                .withNewTemplate().withNewMetadata().addToLabels("app", "f8-applied").endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    @Test
    void anInformerSeesEveryChangeOf200PodsInOrderThroughCutWatches() throws Exception {
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        SharedIndexInformer<Pod> informer = client.pods().withLabel("app", "informed").inform(
                new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Pod pod) {
                        seen.computeIfAbsent(pod.getMetadata().getName(), n -> new ArrayList<>()).add("add");
                    }

                    @Override
                    public void onUpdate(Pod before, Pod after) {
                        if (!before.getMetadata().getResourceVersion().equals(after.getMetadata().getResourceVersion())) {
                            seen.computeIfAbsent(after.getMetadata().getName(), n -> new ArrayList<>())
                                    .add("edited".equals(after.getMetadata().getLabels().get("step")) ? "edited"
                                            : "update");
                        }
                    }

                    @Override
                    public void onDelete(Pod pod, boolean finalStateUnknown) {
                        seen.computeIfAbsent(pod.getMetadata().getName(), n -> new ArrayList<>()).add("delete");
                    }
                }, 0);
        try {
            LocalCluster.await("the informer synced", Duration.ofSeconds(30), informer::hasSynced);
            int count = 200;
            for (int i = 0; i < count; i++) {
                client.pods().resource(pod("informed-" + i, "informed")).create();
            }
            for (int i = 0; i < count; i++) {
                client.pods().withName("informed-" + i).patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"labels\":{\"step\":\"edited\"}}}");
            }
            for (int i = 0; i < count; i++) {
                client.pods().withName("informed-" + i).delete();
            }
            LocalCluster.await("the informer to see all 200 pods deleted", Duration.ofSeconds(90), () ->
                    seen.size() == count && seen.values().stream().allMatch(l -> l.contains("delete")));
            for (int i = 0; i < count; i++) {
                List<String> events = seen.get("informed-" + i);
                assertEquals("add", events.get(0), "informed-" + i + ": " + events);
                assertEquals("delete", events.get(events.size() - 1), "informed-" + i + ": " + events);
                assertEquals(1, events.stream().filter("delete"::equals).count(), "informed-" + i + ": " + events);
                assertTrue(events.contains("edited"), "informed-" + i + ": " + events);
                assertTrue(events.indexOf("edited") > 0, "informed-" + i + ": " + events);
            }
            assertTrue(informer.getStore().list().isEmpty());
        } finally {
            informer.stop();
        }
    }

    @Test
    void listsInPagesWithLimitAndContinue() {
        int count = 120;
        for (int i = 0; i < count; i++) {
            client.pods().resource(pod("paged-" + i, "paged")).create();
        }
        Set<String> names = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            PodList page = client.pods().withLabel("app", "paged").list(new ListOptionsBuilder().withLimit(50L)
                    .withContinue(token).build());
            assertTrue(page.getItems().size() <= 50);
            page.getItems().forEach(p -> names.add(p.getMetadata().getName()));
            token = page.getMetadata().getContinue();
            pages++;
        } while (token != null && !token.isEmpty());
        assertEquals(3, pages);
        assertEquals(count, names.size());
        client.pods().withLabel("app", "paged").delete();
    }

    @Test
    void aWatchFromACompactedRevisionIsExpiredAndTheClientRecoversByListingAgain() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String services = cluster.httpServer(1) + "/api/v1/namespaces/default/services";
        String before = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(services)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).at("/metadata/resourceVersion").asText();
        Pod written = client.pods().resource(pod("compacted", "compacted")).create();
        String now = written.getMetadata().getResourceVersion();
        Process compact = new ProcessBuilder("etcdctl", "--endpoints=" + String.join(",", cluster.etcdEndpoints()),
                "compact", now).redirectErrorStream(true).start();
        String said = new String(compact.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, compact.waitFor(), "etcdctl compact: " + said);

        HttpResponse<String> expired = http.send(HttpRequest.newBuilder(URI.create(services + "?watch=true"
                + "&resourceVersion=" + before + "&timeoutSeconds=5")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(410, expired.statusCode(), expired::body);
        JsonNode status = Json.mapper().readTree(expired.body());
        assertEquals("Expired", status.path("reason").asText(), expired::body);

        // what a client does on 410: list again, and watch from that list's revision
        String listed = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(services)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).at("/metadata/resourceVersion").asText();
        assertTrue(Long.parseLong(listed) >= Long.parseLong(now));
        CompletableFuture<HttpResponse<Stream<String>>> watch = http.sendAsync(HttpRequest.newBuilder(URI.create(
                services + "?watch=true&resourceVersion=" + listed + "&timeoutSeconds=20")).build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> watching = watch.get(20, TimeUnit.SECONDS);
        assertEquals(200, watching.statusCode());
        client.services().resource(new ServiceBuilder().withNewMetadata().withName("after-compaction").endMetadata()
                .withNewSpec().addToSelector("app", "none").addNewPort().withPort(7281).endPort().endSpec().build())
                .create();
        JsonNode event = Json.mapper().readTree(watching.body().findFirst().orElseThrow());
        assertEquals("ADDED", event.path("type").asText(), event::toString);
        assertEquals("after-compaction", event.at("/object/metadata/name").asText(), event::toString);
        client.services().withName("after-compaction").delete();
        client.pods().withName("compacted").delete();
    }

    @Test
    void aDeletedEventCarriesTheRevisionOfTheDeletionSoAWatchFromItDoesNotReplayEarlierChanges() throws Exception {
        // replication controllers of no replicas: this test's watch must not start the services' watch cache, which
        // the compacted-revision test needs absent
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String controllers = cluster.httpServer(1) + "/api/v1/namespaces/default/replicationcontrollers";
        String createdAt = client.replicationControllers().resource(idle("deleted-rv")).create().getMetadata()
                .getResourceVersion();
        HttpResponse<Stream<String>> watching = http.sendAsync(HttpRequest.newBuilder(URI.create(controllers
                + "?watch=true&fieldSelector=metadata.name%3Ddeleted-rv&resourceVersion=" + createdAt
                + "&timeoutSeconds=20")).build(), HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
        assertEquals(200, watching.statusCode());
        // a change between the creation and the deletion: a watch from the DELETED event's revision must not see
        // it again
        String betweenAt = client.replicationControllers().resource(idle("between")).create().getMetadata()
                .getResourceVersion();
        client.replicationControllers().withName("deleted-rv").delete();
        JsonNode deleted = firstOfType(watching.body(), "DELETED");
        String deletedAt = deleted.at("/object/metadata/resourceVersion").asText();
        assertTrue(Long.parseLong(deletedAt) > Long.parseLong(betweenAt),
                "the DELETED event's resourceVersion is the deletion's revision, after between's creation at "
                        + betweenAt + ": " + deleted);

        // as a client that saw that event and watches again from its resourceVersion
        HttpResponse<Stream<String>> again = http.sendAsync(HttpRequest.newBuilder(URI.create(controllers
                + "?watch=true&resourceVersion=" + deletedAt + "&timeoutSeconds=20")).build(),
                HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
        client.replicationControllers().withName("between").delete();
        List<JsonNode> events = new ArrayList<>();
        again.body().map(KubernetesClientTest::tree).takeWhile(e -> {
            events.add(e);
            return !("DELETED".equals(e.path("type").asText())
                    && "between".equals(e.at("/object/metadata/name").asText()));
        }).forEach(e -> { });
        assertTrue(events.stream().noneMatch(e -> "ADDED".equals(e.path("type").asText())
                || "deleted-rv".equals(e.at("/object/metadata/name").asText())),
                "only changes after the deletion: " + events);
    }

    private static ReplicationController idle(String name) {
        return new ReplicationControllerBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(0).withSelector(Map.of("app", name))
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("busybox:1").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    private static JsonNode firstOfType(Stream<String> lines, String type) {
        return lines.map(KubernetesClientTest::tree).filter(e -> type.equals(e.path("type").asText())).findFirst().orElseThrow();
    }

    private static JsonNode tree(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("a watch line that is no JSON: " + line, e);
        }
    }

    private static Pod pod(String name, String app) {
        return new PodBuilder().withNewMetadata().withName(name).addToLabels("app", app).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("busybox:1").endContainer().endSpec()
                .build();
    }
}
