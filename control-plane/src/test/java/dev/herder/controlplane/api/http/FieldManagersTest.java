package dev.herder.controlplane.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A write's manager as Kubernetes picks it: the fieldManager parameter, else the User-Agent's first word. */
class FieldManagersTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "fieldManager=kubectl-edit | kubectl/v1.32.0 (linux/amd64) kubernetes/abc | kubectl-edit",
        "-                         | kubectl/v1.32.0 (linux/amd64) kubernetes/abc | kubectl",
        "-                         | fabric8-kubernetes-client/8.0.0               | fabric8-kubernetes-client",
        "-                         | curl                                          | curl",
        "-                         | -                                             | unknown",
    })
    void namesTheManager(String query, String userAgent, String manager) {
        HttpRequest request = HttpRequest.PATCH("/api/v1/namespaces/default/pods/web" + (query == null ? ""
                : "?" + query));
        if (userAgent != null) {
            request = request.addHeader(RawHeader.create("User-Agent", userAgent));
        }
        assertEquals(manager, FieldManagers.of(request, Query.of(request)));
    }

    @ParameterizedTest
    @CsvSource({"129"})
    void refusesANameLongerThanKubernetesAllows(int length) {
        HttpRequest request = HttpRequest.PATCH("/x?fieldManager=" + "m".repeat(length));
        assertEquals("fieldManager must be at most 128 characters, not " + length, assertThrows(
                Query.BadParameter.class, () -> FieldManagers.named(Query.of(request))).getMessage());
    }
}
