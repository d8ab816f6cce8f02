package dev.herder.controlplane.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourcePathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        "/api/v1/namespaces/default/pods,                       default, pods, Pod, -, -",
        "/api/v1/namespaces/default/pods/web,                   default, pods, Pod, web, -",
        "/api/v1/namespaces/prod/pods/web/log,                  prod, pods, Pod, web, log",
        "/api/v1/pods,                                          -, pods, Pod, -, -",
        "/api/v1/nodes,                                         -, nodes, Node, -, -",
        "/api/v1/nodes/node-1,                                  -, nodes, Node, node-1, -",
        "/api/v1/namespaces/default/replicationcontrollers/fe/scale, default, replicationcontrollers, ReplicationController, fe, scale",
        "/api/v1/namespaces/default/services,                   default, services, Service, -, -",
        "/api/v1/namespaces/default/events,                     default, events, Event, -, -",
        "/api/v1/namespaces/default/endpoints/web,              default, endpoints, Endpoints, web, -",
        "/api/v1/events,                                        -, events, Event, -, -",
    })
    void readsKubernetesPaths(String path, String namespace, String resource, String kind, String name, String sub) {
        assertEquals(Optional.of(new ResourcePath(namespace, resource, kind, name, sub)), ResourcePath.parse(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v1/widgets", "/api/v2/pods", "/apis/apps/v1/deployments", "/api/v1/pods/web",
        "/api/v1/namespaces/default/nodes", "/api/v1/namespaces/default/pods/web/log/extra",
        "/api/v1/namespaces//pods", "/api/v1/namespaces/default/pods/", "/api/v1/namespaces"})
    void refusesWhatItDoesNotServe(String path) {
        assertTrue(ResourcePath.parse(path).isEmpty(), path);
    }
}
