package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herder.cli.CliRun;
import dev.herder.cli.client.HerderClient;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A list too long for one answer, read through the real CLI: 20,000 Pending pods (one control-plane node, no
 * agents, so none is placed) are listed by {@code herder get pods} in pages of 500 and printed as one table, and
 * by {@code -o json} as one List. The server is asked directly first: a page is at most limit objects and says
 * where to read on.
 */
class LargeListTest {
    private static final int BASE_PORT = 5350;
    private static final int PODS = 20_000;
    private static final int PODS_PER_APPLY = 500;
    private static final int APPLIES_IN_FLIGHT = 4;
    private static final int CHUNK_SIZE = 500;
    /** One apply of PODS_PER_APPLY pods, waiting behind the others in flight. */
    private static final Duration APPLY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);
    /** More pods than the default heap (512m) is sized for: ScaleBench gives 1g to 10,000 pods, 3g to 100,000. */
    private static final String CONTROL_PLANE_HEAP = "2g";

    @Test
    void twentyThousandPodsAreListedInPagesAsOneTableAndOneJsonList() throws Exception {
        try (LocalCluster cluster = LocalCluster.inFolder("large-list", BASE_PORT, 1)) {
            cluster.heaps(CONTROL_PLANE_HEAP, ClusterProcesses.DEFAULT_HEAP);
            cluster.startAllControlPlanes();
            cluster.awaitUp(1, Duration.ofSeconds(60));
            List<ApiObject> pods = TestPods.pods("large", PODS);
            Set<String> names = pods.stream().map(p -> p.metadata().name()).collect(Collectors.toSet());
            create(cluster, pods);

            ApiRequest.Get list = new ApiRequest.Get(Pod.KIND, "default", null, null, null, CHUNK_SIZE, null);
            ApiResponse.Objects first = assertInstanceOf(ApiResponse.Objects.class, cluster.call(list));
            assertEquals(CHUNK_SIZE, first.items().size(), "a page holds at most limit objects");
            assertNotNull(first.continueToken(), "a page with more to come says where to read on");
            ApiResponse.Objects second = assertInstanceOf(ApiResponse.Objects.class,
                    cluster.call(list.next(first.continueToken())));
            assertEquals(CHUNK_SIZE, second.items().size());
            Set<String> firstNames = first.items().stream().map(p -> p.metadata().name()).collect(Collectors.toSet());
            assertTrue(second.items().stream().noneMatch(p -> firstNames.contains(p.metadata().name())),
                    "the next page reads on from where the first ended");

            CliRun.Result table = cluster.herder("get", "pods", "--chunk-size", String.valueOf(CHUNK_SIZE),
                    "--timeout", CLI_TIMEOUT.toSeconds() + "s");
            assertEquals(0, table.exitCode(), table.err());
            List<String> lines = table.out().lines().toList();
            assertTrue(lines.get(0).startsWith("NAME "), lines.get(0));
            List<String> rowNames = lines.subList(1, lines.size()).stream().map(l -> l.split("\\s+")[0]).toList();
            assertEquals(PODS, rowNames.size(), "one row per pod");
            assertEquals(names, new HashSet<>(rowNames), "each pod's name, each once");

            CliRun.Result json = cluster.herder("get", "pods", "--chunk-size", String.valueOf(CHUNK_SIZE), "-o", "json",
                    "--timeout", CLI_TIMEOUT.toSeconds() + "s");
            assertEquals(0, json.exitCode(), json.err());
            JsonNode podList = new ObjectMapper().readTree(json.out());
            assertEquals("PodList", podList.path("kind").asText());
            List<String> itemNames = StreamSupport.stream(podList.path("items").spliterator(), false)
                    .map(item -> item.path("metadata").path("name").asText()).toList();
            assertEquals(PODS, itemNames.size(), "one List of every pod");
            assertEquals(names, new HashSet<>(itemNames));
        }
    }

    /** Applies the pods PODS_PER_APPLY to a request, APPLIES_IN_FLIGHT requests at a time, each all created. */
    private static void create(LocalCluster cluster, List<ApiObject> pods) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(APPLIES_IN_FLIGHT);
        try (HerderClient client = HerderClient.connect(List.of(cluster.contacts().split(",")), APPLY_TIMEOUT)) {
            List<Future<ApiResponse>> answers = new ArrayList<>();
            for (int from = 0; from < pods.size(); from += PODS_PER_APPLY) {
                List<ApiObject> batch = pods.subList(from, Math.min(pods.size(), from + PODS_PER_APPLY));
                answers.add(senders.submit(() -> client.call(new ApiRequest.Apply(batch))));
            }
            for (Future<ApiResponse> answer : answers) {
                ApiResponse.Applied applied = assertInstanceOf(ApiResponse.Applied.class, answer.get());
                assertTrue(applied.allSucceeded(), () -> "apply failed: " + applied.outcomes().stream()
                        .filter(o -> o.error() != null).findFirst().orElseThrow());
            }
        } finally {
            senders.shutdownNow();
        }
    }
}
