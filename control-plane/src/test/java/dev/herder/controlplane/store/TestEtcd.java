package dev.herder.controlplane.store;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Real etcd members for the store's tests, in a fresh folder under target/etcd-tests. */
public final class TestEtcd {
    private TestEtcd() {
    }

    public static EtcdMembers start(Class<?> test, int firstClientPort, int firstPeerPort, int size) throws IOException {
        Path dir = Path.of("target", "etcd-tests", test.getSimpleName());
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        EtcdMembers members = new EtcdMembers(dir, firstClientPort, firstPeerPort, size);
        try {
            members.startAll();
        } catch (RuntimeException | IOException e) {
            members.close();
            throw e;
        }
        return members;
    }

    /** The settings of reference.conf, with these endpoints. */
    public static EtcdSettings settings(EtcdMembers members) {
        return EtcdSettings.from(ConfigFactory.parseString(members.endpointsConfig())
                .withFallback(ConfigFactory.defaultReference()));
    }

    static EtcdSettings settings(List<String> endpoints) {
        EtcdSettings reference = EtcdSettings.from(ConfigFactory.defaultReference());
        return new EtcdSettings(endpoints, reference.connectTimeout(), reference.requestTimeout(),
                reference.maxOpsPerTxn(), reference.maxBytesPerTxn(), reference.maxTxnsInFlight(),
                reference.txnStallAfter());
    }

    public static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
