package dev.herder.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.client.FailoverClient;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.IntOrString;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.api.ServicePort;
import dev.herder.protocol.api.ServiceSpec;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two clients, each through another control-plane node, update one object from the same resourceVersion at once,
 * 50 rounds: exactly one wins each round, the other is told it conflicts, and the stored object is the winner's.
 * The object is a service, which no controller writes (a pod would also be written by the scheduler).
 */
class ApiConflictTest {
    private static final int BASE_PORT = 5450;
    private static final int ROUNDS = 50;

    @Test
    void exactlyOneOfTwoConcurrentUpdatesFromOneVersionWinsEveryRound() throws Exception {
        try (LocalCluster cluster = LocalCluster.inFolder("api-conflict", BASE_PORT, 2)) {
            cluster.startAllControlPlanes();
            cluster.awaitUp(2, Duration.ofSeconds(60));
            List<String> contacts = List.of(cluster.contacts().split(","));
            try (FailoverClient a = FailoverClient.connect(contacts, Duration.ofSeconds(5), Duration.ofSeconds(20));
                 FailoverClient b = FailoverClient.connect(List.of(contacts.get(1), contacts.get(0)), Duration.ofSeconds(5), Duration.ofSeconds(20))) {
                ApiResponse created = a.call(new ApiRequest.Apply(List.of(service())));
                assertTrue(((ApiResponse.Applied) created).allSucceeded(), () -> "create failed: " + created);
                Map<String, Integer> wins = new HashMap<>();
                for (int round = 0; round < ROUNDS; round++) {
                    Service current = (Service) ((ApiResponse.Objects) a.call(new ApiRequest.Get(Service.KIND, "default",
                            "contested", null))).items().get(0);
                    String version = current.metadata().resourceVersion();
                    CompletableFuture<ApiResponse> fromA = a.send(new ApiRequest.Apply(List.of(
                            labelled(current, version, "a-" + round)))).toCompletableFuture();
                    CompletableFuture<ApiResponse> fromB = b.send(new ApiRequest.Apply(List.of(
                            labelled(current, version, "b-" + round)))).toCompletableFuture();
                    ApiResponse.ApplyOutcome outA = ((ApiResponse.Applied) fromA.get()).outcomes().get(0);
                    ApiResponse.ApplyOutcome outB = ((ApiResponse.Applied) fromB.get()).outcomes().get(0);
                    boolean aWon = outA.error() == null;
                    boolean bWon = outB.error() == null;
                    final int r = round;
                    assertTrue(aWon ^ bWon, () -> "round " + r + ": exactly one may win, got " + outA + " and " + outB);
                    ApiResponse.ApplyOutcome lost = aWon ? outB : outA;
                    assertEquals(ApiError.Code.CONFLICT, lost.error().code(), "the loser of round " + round);
                    String winner = (aWon ? "a-" : "b-") + round;
                    Service stored = (Service) ((ApiResponse.Objects) a.call(new ApiRequest.Get(Service.KIND, "default",
                            "contested", null))).items().get(0);
                    assertEquals(winner, stored.metadata().labels().get("round"),
                            "round " + round + ": the stored object is the winner's, nothing overwrote it");
                    assertTrue(Long.parseLong(stored.metadata().resourceVersion()) > Long.parseLong(version));
                    wins.merge(aWon ? "a" : "b", 1, Integer::sum);
                }
                System.out.println("conflict rounds won: " + wins);
                assertEquals(ROUNDS, wins.values().stream().mapToInt(Integer::intValue).sum());
            }
        }
    }

    private static Service service() {
        return new Service("v1", Service.KIND, new ObjectMeta("contested", null, "default", Map.of("app", "contested"),
                null, null, null, null, null, null, null), new ServiceSpec(Map.of("app", "contested"),
                List.of(new ServicePort(null, "TCP", 7080, IntOrString.of(7080), null)), "ClusterIP", null, "None"), null);
    }

    /** The service as read, with a label naming the round and the writer, guarded on the version read. */
    private static ApiObject labelled(Service service, String version, String round) {
        ObjectMeta m = service.metadata();
        Map<String, String> labels = new HashMap<>(m.labels());
        labels.put("round", round);
        return service.withMetadata(new ObjectMeta(m.name(), null, m.namespace(), labels, m.annotations(), null,
                version, null, null, null, null));
    }
}
