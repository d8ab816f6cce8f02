package dev.herder.bench;

import dev.herder.bench.ApplyLoad.Call;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * etcd's own put rate, the floor under Herder's applies: independent jetcd clients (each its own gRPC connection,
 * built as Herder's EtcdStore builds its own) straight to the cluster's etcd members, each put one new key (under
 * {@value #PREFIX}, which no part of Herder reads or watches) with a 1 KiB value.
 */
final class EtcdPuts implements AutoCloseable {
    private static final String PREFIX = "/herder-bench/raw/";
    static final int VALUE_BYTES = 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** As EtcdStore: etcd answers pings more often than every 5 s with GOAWAY (too_many_pings). */
    private static final Duration KEEPALIVE_TIME = Duration.ofSeconds(30);
    private static final Duration KEEPALIVE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PUT_TIMEOUT = Duration.ofSeconds(30);

    private final List<Client> clients = new ArrayList<>();
    private final ByteSequence value;

    /** connections independent clients of the etcd cluster at these endpoints. */
    EtcdPuts(List<String> endpoints, int connections) {
        for (int c = 0; c < connections; c++) {
            clients.add(Client.builder().endpoints(endpoints.toArray(String[]::new)).connectTimeout(CONNECT_TIMEOUT)
                    .keepaliveTime(KEEPALIVE_TIME).keepaliveTimeout(KEEPALIVE_TIMEOUT).build());
        }
        byte[] bytes = new byte[VALUE_BYTES];
        Arrays.fill(bytes, (byte) 'x');
        this.value = ByteSequence.from(bytes);
    }

    /** Put i of the row named row: a new key each, on the caller's own connection; true when etcd acknowledged it. */
    Call puts(String row) {
        return (connection, i) -> {
            KV kv = clients.get(connection).getKVClient();
            try {
                kv.put(bytes(PREFIX + row + "/" + i), value).get(PUT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                return false;
            }
        };
    }

    /** The size in bytes of the value stored at key (how big an object Herder writes is), if it is there. */
    OptionalInt valueSize(String key) throws Exception {
        GetResponse rsp = clients.get(0).getKVClient().get(bytes(key)).get(PUT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return rsp.getKvs().isEmpty() ? OptionalInt.empty() : OptionalInt.of(rsp.getKvs().get(0).getValue().size());
    }

    private static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        clients.forEach(Client::close);
    }
}
