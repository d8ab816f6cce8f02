package dev.herder.controlplane.api;

import dev.herder.controlplane.store.ObjectStore;
import dev.herder.controlplane.store.RegistryKeys;
import dev.herder.controlplane.store.StoreException;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Lists the objects of one kind from the store, in key order (namespace, then name), filtered by namespace,
 * labels and fields; as Kubernetes does, in pages: at most limit objects an answer, and a continue token holding
 * the store revision of the first page and the last key returned, so every page of one list is read at the same
 * revision. A token whose revision the store no longer keeps is answered GONE.
 */
public final class ObjectLister {
    /** How many keys one store read takes when the caller set no limit (or a small one). */
    static final int CHUNK = 1000;
    private final ObjectStore store;

    public ObjectLister(ObjectStore store) {
        this.store = store;
    }

    /** The objects of a kind in a namespace (null: all) whose labels and fields match the selectors (null: any). */
    public CompletionStage<ApiResponse> list(String kind, String namespace, String selectorText, String fieldText,
                                             Integer limit, String continueToken) {
        Selection selection;
        Token from;
        try {
            selection = Selection.parse(kind, selectorText, fieldText);
            from = Token.parse(continueToken);
        } catch (IllegalArgumentException e) {
            return done(new ApiResponse.Failure(ApiError.invalid(e.getMessage())));
        }
        if (limit != null && limit < 0) {
            return done(new ApiResponse.Failure(ApiError.invalid("limit must be 0 or more, not " + limit)));
        }
        int wanted = limit == null || limit == 0 ? Integer.MAX_VALUE : limit;
        List<ApiObject> items = new ArrayList<>();
        return collect(kind, namespace, selection::matches, from.revision(), from.lastKey(), wanted, items)
                .<ApiResponse>thenApply(end -> new ApiResponse.Objects(kind, items, Long.toString(end.revision()),
                        end.more() ? new Token(end.revision(), end.lastKey()).text() : null))
                .exceptionally(t -> {
                    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
                    if (cause instanceof StoreException.Compacted) {
                        return new ApiResponse.Failure(ApiError.gone("the list's continue token is too old: its"
                                + " revision is no longer kept by the store; list again from the start"));
                    }
                    return new ApiResponse.Failure(ApiError.unavailable("could not list " + kind + " from the store: "
                            + cause.getMessage()));
                });
    }

    /** Where one answer ended: the revision read at, the last key returned, and whether more keys follow it. */
    private record End(long revision, String lastKey, boolean more) {
    }

    private CompletionStage<End> collect(String kind, String namespace, java.util.function.Predicate<ApiObject> matches,
                                         long revision, String after, int wanted, List<ApiObject> into) {
        int chunk = Math.max(CHUNK, wanted == Integer.MAX_VALUE ? CHUNK : Math.min(wanted, 10 * CHUNK));
        return store.list(kind, namespace, revision, after, chunk).thenCompose(page -> {
            String last = after;
            for (ApiObject o : page.items()) {
                last = RegistryKeys.key(o);
                if (matches.test(o)) {
                    into.add(o);
                    if (into.size() == wanted) {
                        boolean more = page.more() || !last.equals(RegistryKeys.key(page.items().get(page.items().size() - 1)));
                        return CompletableFuture.completedFuture(new End(page.revision(), last, more));
                    }
                }
            }
            return page.more() ? collect(kind, namespace, matches, page.revision(), page.lastKey(), wanted, into)
                    : CompletableFuture.completedFuture(new End(page.revision(), last, false));
        });
    }

    /** A continue token: the revision of the list and the last key returned, as opaque text. */
    private record Token(long revision, String lastKey) {
        static Token parse(String text) {
            if (text == null || text.isEmpty()) {
                return new Token(0, null);
            }
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int bar = decoded.indexOf('|');
                return new Token(Long.parseLong(decoded.substring(0, bar)), decoded.substring(bar + 1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid continue token \"" + text + "\": pass back the one a list"
                        + " answered with, unchanged");
            }
        }

        String text() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((revision + "|" + lastKey)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private static CompletionStage<ApiResponse> done(ApiResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
