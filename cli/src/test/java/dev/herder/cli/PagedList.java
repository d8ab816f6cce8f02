package dev.herder.cli;

import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.util.List;
import java.util.function.Function;

/**
 * Answers list requests from a fixed list of objects the way the paged API does: at most limit objects an answer
 * (all when limit is null), a continue token while more are left, and the next page for a token passed back.
 * A token to read on from expiredFrom or later is answered GONE, as when the store compacted the list's revision.
 */
public final class PagedList implements Function<ApiRequest, ApiResponse> {
    public static final String REVISION = "7";
    private static final String TOKEN_PREFIX = "rev" + REVISION + "-from-";

    private final List<ApiObject> objects;
    private final int expiredFrom;

    private PagedList(List<ApiObject> objects, int expiredFrom) {
        this.objects = List.copyOf(objects);
        this.expiredFrom = expiredFrom;
    }

    public static PagedList of(List<ApiObject> objects) {
        return new PagedList(objects, Integer.MAX_VALUE);
    }

    /** The same list, whose tokens to read on from this position or later have expired. */
    public PagedList expiredFrom(int position) {
        return new PagedList(objects, position);
    }

    /** The token that asks for the objects from this position on. */
    public static String tokenFrom(int position) {
        return TOKEN_PREFIX + position;
    }

    @Override
    public ApiResponse apply(ApiRequest request) {
        ApiRequest.Get get = (ApiRequest.Get) request;
        int from = get.continueToken() == null ? 0 : position(get.continueToken());
        if (get.continueToken() != null && from >= expiredFrom) {
            return new ApiResponse.Failure(ApiError.gone("revision " + REVISION + " of the list was compacted"));
        }
        int to = get.limit() == null ? objects.size() : Math.min(objects.size(), from + get.limit());
        String token = to < objects.size() ? tokenFrom(to) : null;
        return new ApiResponse.Objects(get.kind(), List.copyOf(objects.subList(from, to)), REVISION, token);
    }

    private static int position(String token) {
        if (!token.startsWith(TOKEN_PREFIX)) {
            throw new AssertionError("not a token this list handed out: " + token);
        }
        return Integer.parseInt(token.substring(TOKEN_PREFIX.length()));
    }
}
