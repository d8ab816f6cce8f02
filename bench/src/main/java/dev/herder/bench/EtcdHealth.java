package dev.herder.bench;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.maintenance.StatusResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Whether one etcd member answers, asked straight at its own endpoint. */
final class EtcdHealth {
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(2);

    private EtcdHealth() {
    }

    /** Waits until the member at endpoint answers a status request and knows a leader; fails after within. */
    static void awaitAnswering(String endpoint, Duration within) {
        try (Client client = Client.builder().endpoints(endpoint).connectTimeout(ASK_TIMEOUT).build()) {
            BenchSupport.await("etcd member " + endpoint + " answering with a leader", within, BenchSupport.POLL, () -> {
                try {
                    StatusResponse status = client.getMaintenanceClient().statusMember(endpoint)
                            .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    return status.getLeader() != 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted asking " + endpoint, e);
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }
}
