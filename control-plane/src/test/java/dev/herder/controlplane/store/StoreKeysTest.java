package dev.herder.controlplane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.herder.controlplane.ControlPlaneSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kinds with many objects get their own number of buckets; every id lands in one of its kind's buckets. */
class StoreKeysTest {
    @Test
    void aKindNamedInBucketsOfKindGetsItsOwnNumber() {
        StoreKeys keys = new StoreKeys(4, Map.of("Pod", 16));
        assertEquals(16, keys.all("Pod").size());
        assertEquals(4, keys.all("Node").size());
        for (int i = 0; i < 200; i++) {
            assertTrue(keys.all("Pod").contains(keys.keyFor("Pod", "default/web-" + i)));
            assertTrue(keys.all("Node").contains(keys.keyFor("Node", "node-" + i)));
        }
        assertEquals("objects/pod/3", keys.bucket("Pod", 3).id());
    }

    @Test
    void theDefaultsSpreadPodsAndEventsOverMoreBuckets() {
        StoreKeys keys = StoreKeys.of(ControlPlaneSettings.from(ConfigFactory.load()));
        assertEquals(1024, keys.all("Pod").size());
        assertEquals(1024, keys.all("Event").size());
        assertEquals(64, keys.all("ReplicationController").size());
    }

    @Test
    void refusesANumberBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new StoreKeys(4, Map.of("Pod", 0)));
        assertThrows(IllegalArgumentException.class, () -> new StoreKeys(0));
    }

    @Test
    void findsTheBucketsOfTheEarlierLayoutOnly() {
        assertEquals(java.util.List.of("event-3", "pod-0", "replicationcontroller-63"), LegacyBuckets.legacy(java.util.List.of(
                "objects/pod/0", "pod-0", "replicationcontroller-63", "event-3", "podx-1", "pod-", "ShardCoordinator")));
    }
}
