package dev.herder.cli.verbs;

import static dev.herder.cli.TestObjects.pendingPod;
import static dev.herder.cli.TestObjects.runningPod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.CliRun.Result;
import dev.herder.cli.CliRun;
import dev.herder.cli.FakeCluster;
import dev.herder.cli.PagedList;
import dev.herder.cli.client.Pages;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GetCommandTest {

    private static FakeCluster answering(ApiObject... items) {
        return new FakeCluster(r -> new ApiResponse.Objects(((ApiRequest.Get) r).kind(), List.of(items)));
    }

    private static Result get(FakeCluster cluster, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "get";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(cluster, Map.of(), "", all);
    }

    @Test
    void listsPodsOfTheDefaultNamespaceAsATable() {
        FakeCluster cluster = answering(runningPod("web-1"), pendingPod("web-2"));

        Result result = get(cluster, "po");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("""
                NAME    READY   STATUS    RESTARTS   AGE
                web-1   1/1     Running   2          10m
                web-2   0/1     Pending   0          10m
                """, result.out());
        assertEquals(new ApiRequest.Get(Pod.KIND, "default", null, null, null, Pages.DEFAULT_CHUNK_SIZE, null),
                cluster.requests.get(0));
    }

    @Test
    void passesNameSelectorAndNamespace() {
        FakeCluster cluster = answering(runningPod("web-1"));

        get(cluster, "pods", "web-1", "-n", "shop");
        get(cluster, "pods", "-l", "app=web,tier!=db", "-A");
        get(cluster, "nodes", "-n", "shop");

        assertEquals(new ApiRequest.Get(Pod.KIND, "shop", "web-1", null), cluster.requests.get(0));
        assertEquals(new ApiRequest.Get(Pod.KIND, null, null, "app=web,tier!=db", null, Pages.DEFAULT_CHUNK_SIZE, null),
                cluster.requests.get(1));
        assertNull(((ApiRequest.Get) cluster.requests.get(2)).namespace(), "nodes have no namespace");
    }

    @Test
    void threePagesArePrintedAsOneTableInTheOrderTheyCame() {
        FakeCluster cluster = new FakeCluster(PagedList.of(List.of(runningPod("web-1"), pendingPod("web-2"),
                runningPod("web-3"), pendingPod("web-4"), runningPod("web-5"))));

        Result result = get(cluster, "pods", "--chunk-size", "2");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("""
                NAME    READY   STATUS    RESTARTS   AGE
                web-1   1/1     Running   2          10m
                web-2   0/1     Pending   0          10m
                web-3   1/1     Running   2          10m
                web-4   0/1     Pending   0          10m
                web-5   1/1     Running   2          10m
                """, result.out());
        ApiRequest.Get first = new ApiRequest.Get(Pod.KIND, "default", null, null, null, 2, null);
        assertEquals(List.of(first, first.next(PagedList.tokenFrom(2)), first.next(PagedList.tokenFrom(4))),
                cluster.requests, "the chunk size as the limit of every page, each page's token passed back");
    }

    @Test
    void pagesInJsonOrYamlAreOneList() {
        PagedList pages = PagedList.of(List.of(runningPod("web-1"), pendingPod("web-2"), runningPod("web-3")));

        Result json = get(new FakeCluster(pages), "pods", "--chunk-size", "1", "-o", "json");
        Result yaml = get(new FakeCluster(pages), "pods", "--chunk-size", "1", "-o", "yaml");

        assertEquals(0, json.exitCode(), json.err());
        assertEquals(1, json.out().split("\"kind\" : \"PodList\"", -1).length - 1, json.out());
        assertEquals(3, json.out().split("\"kind\" : \"Pod\"", -1).length - 1, json.out());
        assertTrue(json.out().indexOf("web-1") < json.out().indexOf("web-2")
                && json.out().indexOf("web-2") < json.out().indexOf("web-3"), json.out());
        assertEquals(1, yaml.out().split("kind: PodList", -1).length - 1, yaml.out());
        assertTrue(yaml.out().contains("name: web-3"), yaml.out());
    }

    @Test
    void chunkSizeZeroAsksForTheWholeListWithNoLimit() {
        FakeCluster cluster = new FakeCluster(PagedList.of(List.of(runningPod("web-1"), pendingPod("web-2"))));

        Result result = get(cluster, "pods", "--chunk-size", "0");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of(new ApiRequest.Get(Pod.KIND, "default", null, null)), cluster.requests);
        assertEquals(3, result.out().lines().count(), result.out());
    }

    @Test
    void oneObjectByNameIsAskedForWithNoLimit() {
        FakeCluster cluster = answering(runningPod("web-1"));

        get(cluster, "pods", "web-1", "--chunk-size", "2");

        assertNull(((ApiRequest.Get) cluster.requests.get(0)).limit());
    }

    @Test
    void aListThatExpiredMidwayIsOneLineAndFailure() {
        FakeCluster cluster = new FakeCluster(PagedList.of(List.of(runningPod("web-1"), pendingPod("web-2"),
                runningPod("web-3"))).expiredFrom(2));

        Result result = get(cluster, "pods", "--chunk-size", "1");

        assertEquals(1, result.exitCode());
        assertEquals("", result.out(), "nothing of a list that could not be read to its end");
        assertEquals(List.of("error: the list changed too much while it was being read (its revision was compacted);"
                + " run the command again"), result.errLines());
        assertEquals(3, cluster.requests.size());
    }

    @Test
    void aNegativeChunkSizeIsRefusedWithoutAskingTheCluster() {
        FakeCluster cluster = FakeCluster.untouchable();

        Result result = get(cluster, "pods", "--chunk-size", "-1");

        assertEquals(1, result.exitCode());
        assertEquals(List.of("error: --chunk-size must be 0 (the whole list in one request) or more, not -1"),
                result.errLines());
        assertFalse(cluster.contacted());
    }

    @Test
    void nothingFoundIsANoteOnStderrAndSuccess() {
        Result result = get(answering(), "pods");

        assertEquals(0, result.exitCode());
        assertEquals("", result.out());
        assertEquals("No resources found in default namespace.\n", result.err());
    }

    @Test
    void notFoundIsTheServersMessage() {
        FakeCluster cluster = new FakeCluster(r -> new ApiResponse.Failure(ApiError.notFound("pods \"web-9\" not found")));

        Result result = get(cluster, "pod", "web-9");

        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        assertEquals(List.of("error: pods \"web-9\" not found"), result.errLines());
    }

    @Test
    void jsonOfOneObjectIsTheObjectAndOfManyAList() {
        Result one = get(answering(runningPod("web-1")), "pod", "web-1", "-o", "json");
        Result many = get(answering(runningPod("web-1"), pendingPod("web-2")), "pods", "-o", "json");

        assertTrue(one.out().startsWith("{"), one.out());
        assertTrue(one.out().contains("\"kind\" : \"Pod\"") && !one.out().contains("PodList"), one.out());
        assertTrue(many.out().contains("\"kind\" : \"PodList\"") && many.out().contains("\"items\""), many.out());
        assertTrue(many.out().contains("\"name\" : \"web-2\""), many.out());
    }

    @Test
    void yamlOfAListIsAKubernetesList() {
        Result result = get(answering(runningPod("web-1")), "pods", "-o", "yaml");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("kind: PodList") && result.out().contains("items:"), result.out());
    }

    @Test
    void anUnknownKindNamesTheValidOnesWithoutAskingTheCluster() {
        FakeCluster cluster = FakeCluster.untouchable();

        Result result = get(cluster, "foos");

        assertEquals(1, result.exitCode());
        assertEquals(List.of("error: the server doesn't have a resource type \"foos\" (known types: pods (po), "
                + "replicationcontrollers (rc), services (svc), nodes (no), endpoints (ep), events (ev))"),
                result.errLines());
        assertFalse(cluster.contacted());
    }

    @Test
    void aBadSelectorIsNamedWithoutAskingTheCluster() {
        FakeCluster cluster = FakeCluster.untouchable();

        Result result = get(cluster, "pods", "-l", "app in (web");

        assertEquals(1, result.exitCode());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("error: invalid label selector \"app in (web\": "), result.err());
        assertFalse(cluster.contacted());
    }

    @Test
    void aFieldTheKindDoesNotServeIsNamedWithoutAskingTheCluster() {
        FakeCluster cluster = FakeCluster.untouchable();

        Result result = get(cluster, "events", "--field-selector", "involvedObject.name=web,spec.nodeName=n1");

        assertEquals(1, result.exitCode());
        assertEquals(List.of("error: field label not supported: spec.nodeName (Event serves involvedObject.apiVersion,"
                + " involvedObject.fieldPath, involvedObject.kind, involvedObject.name, involvedObject.namespace,"
                + " involvedObject.resourceVersion, involvedObject.uid, metadata.name, metadata.namespace, reason,"
                + " source, type)"), result.errLines());
        assertFalse(cluster.contacted());
    }

    @Test
    void anUnknownOutputFormatIsAUsageError() {
        Result result = get(FakeCluster.untouchable(), "pods", "-o", "xml");

        assertEquals(2, result.exitCode());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("error: Invalid value for option '--output'"), result.err());
    }
}
