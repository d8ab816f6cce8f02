package dev.herder.bench;

import dev.herder.cli.client.HerderClient;
import dev.herder.cli.client.Pages;
import dev.herder.cli.local.ClusterProcesses;
import dev.herder.cli.options.Kubeconfig;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a user waits for the pod list: the wall time of {@code kubectl get pods} (through the Kubernetes HTTP API,
 * Table pages of 500) beside {@code herder get pods} over the same API (a JVM per call, its pages of 500) and over
 * Pekko ClusterClient ({@code --via cluster-client}: a JVM and a ClusterClient per call, as before the HTTP API), each
 * a whole process, with 100 and then 10,000 pods in the namespace. Starts 1 control-plane JVM (127.0.0.1:5651, its HTTP
 * API on 5731, etcd on 5711) and one agent JVM of 20 simulated nodes, data and logs in bench/target/get-pods-bench;
 * each command runs once to warm up (kubectl's discovery cache, the page cache), then RUNS times in turn, and the
 * bench prints min, median and max of each and the median ratios.
 *
 * <pre>java -cp 'cli/target/dist/lib/*:bench/target/classes' dev.herder.bench.GetPodsBench [runs]</pre>
 */
public final class GetPodsBench {
    private static final int BASE_PORT = BenchSupport.basePort(5650);
    private static final int NODES = 20;
    private static final int PODS_PER_RC = 100;
    private static final List<Integer> SIZES = List.of(100, 10_000);
    private static final Duration WITHIN = Duration.ofMinutes(10);

    private GetPodsBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = ClusterProcesses.repositoryRoot();
        Path dir = ClusterProcesses.emptyFolder(root.resolve("bench/target/get-pods-bench"));
        BenchSupport.requireFreePorts("GetPodsBench", BASE_PORT, 1, 1);
        try (ClusterProcesses cluster = new ClusterProcesses(dir, BASE_PORT, 1);
             HerderClient client = HerderClient.connect(cluster.contactList(), Duration.ofSeconds(60))) {
            BenchSupport.startSimulatedCluster(cluster, client, "get-node", NODES,
                    "herder.agent.capacity.pods = \"1000\"\n", WITHIN);
            Path kubeconfig = dir.resolve("kubeconfig");
            Kubeconfig.write(kubeconfig, "bench", List.of(cluster.httpServer(1)));
            List<String> kubectl = List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "--cache-dir",
                    dir.resolve("kube-cache").toString(), "get", "pods");
            List<String> herder = List.of(root.resolve("herder").toString(), "--server", cluster.httpServer(1),
                    "get", "pods");
            List<String> viaClusterClient = List.of(root.resolve("herder").toString(), "--via", "cluster-client",
                    "--contact", cluster.contacts(), "get", "pods");
            int controllers = 0;
            for (int size : SIZES) {
                for (; controllers * PODS_PER_RC < size; controllers++) {
                    BenchSupport.apply(client, rc(controllers));
                }
                BenchSupport.await(size + " pods", WITHIN, Duration.ofSeconds(1), () -> pods(client) == size);
                List<Long> k = new ArrayList<>();
                List<Long> h = new ArrayList<>();
                List<Long> c = new ArrayList<>();
                lines(kubectl, size, dir);
                lines(herder, size, dir);
                lines(viaClusterClient, size, dir);
                for (int i = 0; i < runs; i++) {
                    k.add(timed(kubectl, size, dir));
                    h.add(timed(herder, size, dir));
                    c.add(timed(viaClusterClient, size, dir));
                }
                System.out.println(row(size, "kubectl get pods", k));
                System.out.println(row(size, "herder get pods", h));
                System.out.println(row(size, "herder --via cluster-client get pods", c));
                System.out.printf("%d pods: median kubectl/herder %.2f, herder/herder via cluster-client %.2f%n",
                        size, (double) median(k) / median(h), (double) median(h) / median(c));
            }
        }
    }

    private static String rc(int i) {
        String name = "get-" + i;
        return "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: " + name + "\nspec:\n  replicas: "
                + PODS_PER_RC + "\n  selector:\n    app: " + name + "\n  template:\n    metadata:\n      labels:\n"
                + "        app: " + name + "\n    spec:\n      containers:\n      - name: c\n        image: sim:1\n";
    }

    private static long pods(HerderClient client) {
        ApiResponse rsp = Pages.list(client, Pod.KIND, "default", null, null);
        return rsp instanceof ApiResponse.Objects o ? o.items().size() : -1;
    }

    /** Runs the command once, and checks that it listed every pod (a header and a line each). */
    private static long lines(List<String> command, int pods, Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        int exit = p.waitFor();
        long lines = Files.readAllLines(out).size();
        if (exit != 0 || lines != pods + 1) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + " with " + lines
                    + " lines for " + pods + " pods: " + Files.readString(out).lines().limit(5).toList());
        }
        return lines;
    }

    private static long timed(List<String> command, int pods, Path dir) throws Exception {
        long t0 = System.nanoTime();
        lines(command, pods, dir);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(List<Long> values) {
        return BenchSupport.percentile(values.stream().sorted().toList(), 50);
    }

    private static String row(int pods, String what, List<Long> ms) {
        List<Long> sorted = ms.stream().sorted().toList();
        return String.format("%d pods: %-36s wall ms min %d, median %d, max %d (%d runs)", pods, what, sorted.get(0),
                median(ms), sorted.get(sorted.size() - 1), ms.size());
    }
}
