package dev.herder.cli.verbs;

import static dev.herder.cli.TestObjects.pendingPod;
import static dev.herder.cli.TestObjects.runningPod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herder.cli.CliRun.Result;
import dev.herder.cli.CliRun;
import dev.herder.cli.FakeCluster;
import dev.herder.cli.PagedList;
import dev.herder.cli.client.Pages;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescribeCommandTest {

    @Test
    void describesEveryPageOfAListAndReadsTheirEventsInPages() {
        PagedList pods = PagedList.of(List.of(runningPod("web-1"), pendingPod("web-2"), runningPod("web-3")));
        PagedList events = PagedList.of(List.of());
        FakeCluster cluster = new FakeCluster(r -> Event.KIND.equals(((ApiRequest.Get) r).kind())
                ? events.apply(r) : pods.apply(r));

        Result result = CliRun.run(cluster, Map.of(), "", "describe", "pods", "--chunk-size", "1");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("web-1", "web-2", "web-3"), result.out().lines().filter(l -> l.startsWith("Name:"))
                .map(l -> l.substring("Name:".length()).strip()).toList());
        ApiRequest.Get podList = new ApiRequest.Get(Pod.KIND, "default", null, null, null, 1, null);
        assertEquals(List.of(podList, podList.next(PagedList.tokenFrom(1)), podList.next(PagedList.tokenFrom(2)),
                new ApiRequest.Get(Event.KIND, "default", null, null, "involvedObject.kind=Pod",
                        Pages.DEFAULT_CHUNK_SIZE, null)), cluster.requests);
    }
}
