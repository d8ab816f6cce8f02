package dev.herder.cli.client;

import static dev.herder.cli.TestObjects.runningPod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.FakeCluster;
import dev.herder.cli.PagedList;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagesTest {
    private static final List<ApiObject> FIVE_PODS = pods(5);
    private static final ApiRequest.Get LIST = new ApiRequest.Get(Pod.KIND, "default", null, "app=web", null, 2, null);

    private static List<ApiObject> pods(int count) {
        return IntStream.range(0, count).<ApiObject>mapToObj(i -> runningPod("web-" + i)).toList();
    }

    private static List<String> names(ApiResponse response) {
        return assertInstanceOf(ApiResponse.Objects.class, response).items().stream()
                .map(o -> o.metadata().name()).toList();
    }

    @Test
    void threePagesAreMergedInOrderIntoOneAnswerWithoutAToken() {
        FakeCluster cluster = new FakeCluster(PagedList.of(FIVE_PODS));

        ApiResponse all = Pages.readAll(cluster.connect(List.of(), Duration.ZERO), LIST);

        assertEquals(List.of("web-0", "web-1", "web-2", "web-3", "web-4"), names(all));
        ApiResponse.Objects objects = (ApiResponse.Objects) all;
        assertEquals(Pod.KIND, objects.kind());
        assertEquals(PagedList.REVISION, objects.resourceVersion());
        assertNull(objects.continueToken());
        assertEquals(List.of(LIST, LIST.next(PagedList.tokenFrom(2)), LIST.next(PagedList.tokenFrom(4))),
                cluster.requests, "the same request, limit and selectors each time, with the last page's token");
    }

    @Test
    void aListReadWithTheDefaultChunkSizeAsksForThatManyAPage() {
        FakeCluster cluster = new FakeCluster(PagedList.of(pods(Pages.DEFAULT_CHUNK_SIZE + 1)));

        ApiResponse all = Pages.list(cluster.connect(List.of(), Duration.ZERO), Pod.KIND, null, "app=web", "x=y");

        assertEquals(Pages.DEFAULT_CHUNK_SIZE + 1, names(all).size());
        assertEquals(new ApiRequest.Get(Pod.KIND, null, null, "app=web", "x=y", Pages.DEFAULT_CHUNK_SIZE, null),
                cluster.requests.get(0));
        assertEquals(2, cluster.requests.size());
    }

    @Test
    void noLimitIsOneRequestWithNoLimit() {
        FakeCluster cluster = new FakeCluster(PagedList.of(FIVE_PODS));
        ApiRequest.Get unlimited = new ApiRequest.Get(Pod.KIND, "default", null, null);

        ApiResponse all = Pages.readAll(cluster.connect(List.of(), Duration.ZERO), unlimited);

        assertEquals(5, names(all).size());
        assertEquals(List.of(unlimited), cluster.requests);
    }

    @Test
    void anExpiredTokenMidwayIsAGoneFailureSayingToRunAgain() {
        FakeCluster cluster = new FakeCluster(PagedList.of(FIVE_PODS).expiredFrom(4));

        ApiResponse answer = Pages.readAll(cluster.connect(List.of(), Duration.ZERO), LIST);

        ApiResponse.Failure failure = assertInstanceOf(ApiResponse.Failure.class, answer);
        assertEquals(ApiError.gone(Pages.LIST_CHANGED), failure.error());
        assertEquals(3, cluster.requests.size(), "stopped at the refused page");
    }

    @Test
    void otherRefusalsComeBackAsTheyCame() {
        ApiResponse.Failure refusal = new ApiResponse.Failure(ApiError.invalid("bad selector"));
        FakeCluster cluster = new FakeCluster(r -> refusal);

        assertEquals(refusal, Pages.readAll(cluster.connect(List.of(), Duration.ZERO), LIST));
    }

    @Test
    void aTokenAnsweredWithItselfStopsTheReadInsteadOfLoopingForever() {
        FakeCluster cluster = new FakeCluster(r -> new ApiResponse.Objects(Pod.KIND, FIVE_PODS, "1", "same"));

        ApiResponse answer = Pages.readAll(cluster.connect(List.of(), Duration.ZERO), LIST);

        ApiResponse.Failure failure = assertInstanceOf(ApiResponse.Failure.class, answer);
        assertEquals(ApiError.Code.INTERNAL, failure.error().code());
        assertEquals(2, cluster.requests.size());
    }

    @Test
    void pagesCrossTheWireWithTheirLimitAndTokens() {
        try (StandInCluster cluster = StandInCluster.start(PagedList.of(FIVE_PODS));
             HerderClient client = HerderClient.connect(List.of(cluster.contact()), Duration.ofSeconds(10))) {
            ApiResponse all = Pages.readAll(client, LIST);

            assertEquals(List.of("web-0", "web-1", "web-2", "web-3", "web-4"), names(all));
            assertTrue(cluster.requests().contains(LIST.next(PagedList.tokenFrom(4))), cluster.requests().toString());
            assertEquals(3, cluster.requests().size());
        }
    }
}
