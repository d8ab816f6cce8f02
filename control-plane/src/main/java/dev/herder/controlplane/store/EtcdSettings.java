package dev.herder.controlplane.store;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;

/** The herder.etcd section of the config, read once. Every key is documented in reference.conf. */
public record EtcdSettings(
        List<String> endpoints,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxOpsPerTxn,
        long maxBytesPerTxn,
        int maxTxnsInFlight,
        Duration txnStallAfter) {

    public EtcdSettings {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("herder.etcd.endpoints names no etcd member");
        }
        if (maxOpsPerTxn < 2) {
            throw new IllegalArgumentException("herder.etcd.max-ops-per-txn must be at least 2, not " + maxOpsPerTxn);
        }
        if (maxBytesPerTxn < 1 || maxTxnsInFlight < 1) {
            throw new IllegalArgumentException("herder.etcd.max-bytes-per-txn and max-txns-in-flight must be at least 1");
        }
        if (txnStallAfter.isNegative() || txnStallAfter.isZero()) {
            throw new IllegalArgumentException("herder.etcd.txn-stall-after must be above 0, not " + txnStallAfter);
        }
    }

    public static EtcdSettings from(Config root) {
        Config c = root.getConfig("herder.etcd");
        return new EtcdSettings(
                c.getStringList("endpoints"),
                c.getDuration("connect-timeout"),
                c.getDuration("request-timeout"),
                c.getInt("max-ops-per-txn"),
                c.getBytes("max-bytes-per-txn"),
                c.getInt("max-txns-in-flight"),
                c.getDuration("txn-stall-after"));
    }
}
