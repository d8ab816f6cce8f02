package dev.herder.controlplane.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.wire.ApiRequest;
import org.apache.pekko.http.javadsl.model.Query;
import org.junit.jupiter.api.Test;

class DeleteOptionsTest {
    private static dev.herder.controlplane.api.http.Query query(String text) {
        return new dev.herder.controlplane.api.http.Query(Query.create(text));
    }

    @Test
    void readsTheBodyOverTheQueryAndDefaultsToBackgroundAndThePodsOwnGrace() {
        assertEquals(new Deletes.Options(ApiRequest.Delete.BACKGROUND, null), Deletes.Options.of("", query("")));
        assertEquals(new Deletes.Options(ApiRequest.Delete.ORPHAN, 0L), Deletes.Options.of(
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Orphan\",\"gracePeriodSeconds\":0}",
                query("")));
        assertEquals(new Deletes.Options(ApiRequest.Delete.BACKGROUND, 5L),
                Deletes.Options.of(null, query("gracePeriodSeconds=5&propagationPolicy=Background")));
        assertEquals(new Deletes.Options(ApiRequest.Delete.ORPHAN, 7L),
                Deletes.Options.of("{\"gracePeriodSeconds\":7,\"orphanDependents\":true}", query("gracePeriodSeconds=5")));
    }

    @Test
    void refusesWhatItCannotTakeNamingIt() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Deletes.Options.of("{\"gracePeriodSeconds\":\"soon\"}",
                query(""))).getMessage().contains("gracePeriodSeconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Deletes.Options.of(null,
                query("gracePeriodSeconds=x"))).getMessage().contains("gracePeriodSeconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Deletes.Options.of("{\"propagationPolicy\":\"Sideways\"}",
                query(""))).getMessage().contains("Sideways"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Deletes.Options.of("{", query("")))
                .getMessage().contains("not JSON"));
    }
}
