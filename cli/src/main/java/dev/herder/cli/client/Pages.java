package dev.herder.cli.client;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a whole list in pages, as kubectl does: asks for the first page, then passes each answer's continue
 * token back until an answer carries none. Every page of one list is read at the store revision of the first,
 * so the pages put together are the list as it was then. This is the one place in the client that follows
 * continue tokens; everything that needs a whole list reads it here.
 */
public final class Pages {
    /** Objects per page when the caller does not choose (kubectl's --chunk-size default). */
    public static final int DEFAULT_CHUNK_SIZE = 500;
    /** What a user reads when a page's token expired (GONE) before the list was read to its end. */
    public static final String LIST_CHANGED = "the list changed too much while it was being read"
            + " (its revision was compacted); run the command again";

    private Pages() {
    }

    /** The objects of a kind (namespace null: all namespaces) matching the selectors, DEFAULT_CHUNK_SIZE a page. */
    public static ApiResponse list(ApiClient client, String kind, String namespace, String labelSelector,
                                   String fieldSelector) {
        return readAll(client, new ApiRequest.Get(kind, namespace, null, labelSelector, fieldSelector,
                DEFAULT_CHUNK_SIZE, null));
    }

    /**
     * Sends the request and, while an answer carries a continue token, the same request for the next page.
     *
     * @return one {@link ApiResponse.Objects} holding every page's items in the order they came (the first
     *         page's kind and resourceVersion, no continue token); or, when a page is refused, that refusal, a
     *         GONE one told as {@link #LIST_CHANGED}; or any other answer as it came
     */
    public static ApiResponse readAll(ApiClient client, ApiRequest.Get request) {
        ApiResponse first = client.call(request);
        if (!(first instanceof ApiResponse.Objects page)) {
            return refusal(first);
        }
        List<ApiObject> items = new ArrayList<>(itemsOf(page));
        while (page.continueToken() != null) {
            String token = page.continueToken();
            ApiResponse next = client.call(request.next(token));
            if (!(next instanceof ApiResponse.Objects nextPage)) {
                return refusal(next);
            }
            if (Objects.equals(token, nextPage.continueToken())) {
                return new ApiResponse.Failure(new ApiError(ApiError.Code.INTERNAL, "the cluster answered a list's"
                        + " continue token with the same token; the list cannot be read on"));
            }
            items.addAll(itemsOf(nextPage));
            page = nextPage;
        }
        ApiResponse.Objects head = (ApiResponse.Objects) first;
        return new ApiResponse.Objects(head.kind(), items, head.resourceVersion(), null);
    }

    private static ApiResponse refusal(ApiResponse answer) {
        if (answer instanceof ApiResponse.Failure failure && failure.error() != null
                && failure.error().code() == ApiError.Code.GONE) {
            return new ApiResponse.Failure(ApiError.gone(LIST_CHANGED));
        }
        return answer;
    }

    private static List<ApiObject> itemsOf(ApiResponse.Objects page) {
        return page.items() == null ? List.of() : page.items();
    }
}
