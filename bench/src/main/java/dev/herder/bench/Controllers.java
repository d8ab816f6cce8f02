package dev.herder.bench;

import dev.herder.cli.client.HerderClient;
import dev.herder.cli.client.Pages;
import dev.herder.cli.verbs.RolloutStatusCommand;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.ReplicationController;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.List;

/**
 * Replication controllers as the benchmarks drive them through the API (namespace default, selector
 * {@code app: NAME}): their manifest, their pods, their rollout, and the heal of one killed container.
 */
final class Controllers {
    static final String NAMESPACE = "default";
    private static final long NANOS_PER_MS = 1_000_000;

    private Controllers() {
    }

    /**
     * An RC of replicas pods of one container "main" running image; containerLines are the container's further
     * YAML lines (command, probes), each indented by 8 spaces.
     */
    static String rc(String name, int replicas, int minReadySeconds, int gracePeriodSeconds, String image,
                     String containerLines) {
        return "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: " + name + "\nspec:\n  replicas: "
                + replicas + "\n  minReadySeconds: " + minReadySeconds + "\n  selector:\n    app: " + name
                + "\n  template:\n    metadata:\n      labels:\n        app: " + name + "\n    spec:\n"
                + "      terminationGracePeriodSeconds: " + gracePeriodSeconds + "\n      containers:\n"
                + "      - name: main\n        image: " + image + "\n" + containerLines;
    }

    /** Whether the RC's rollout is complete, as {@code herder rollout status} tells it. */
    static boolean rolledOut(HerderClient client, String name) {
        ApiResponse rsp = client.call(new ApiRequest.Get(ReplicationController.KIND, NAMESPACE, name, null));
        return rsp instanceof ApiResponse.Objects o && RolloutStatusCommand.complete((ReplicationController) o.items().get(0));
    }

    static List<Pod> pods(HerderClient client, String app) {
        ApiResponse rsp = Pages.list(client, Pod.KIND, NAMESPACE, "app=" + app, null);
        return ((ApiResponse.Objects) rsp).items().stream().map(Pod.class::cast).toList();
    }

    /** The RC's pods in phase Running, leaving out those bound to node notOn (when not null). */
    static long running(HerderClient client, String app, String notOn) {
        return pods(client, app).stream().filter(p -> p.status() != null && "Running".equals(p.status().phase())
                && (notOn == null || !notOn.equals(p.spec().nodeName()))).count();
    }

    static Pod pod(HerderClient client, String name) {
        return (Pod) ((ApiResponse.Objects) client.call(new ApiRequest.Get(Pod.KIND, NAMESPACE, name, null)))
                .items().get(0);
    }

    /**
     * {@code docker kill} of the pod's (first) container, then the API asked every poll until it shows the pod's
     * container running in a new container: the ms between.
     */
    static long killAndHeal(HerderClient client, Pod pod, Duration within, Duration poll) {
        String container = pod.status().containerStatuses().get(0).containerID();
        long start = System.nanoTime();
        BenchSupport.run("docker", "kill", container);
        String name = pod.metadata().name();
        BenchSupport.await(name + " Running again", within, poll, () -> {
            var c = pod(client, name).status().containerStatuses().get(0);
            return c.state().running() != null && !container.equals(c.containerID());
        });
        return (System.nanoTime() - start) / NANOS_PER_MS;
    }
}
