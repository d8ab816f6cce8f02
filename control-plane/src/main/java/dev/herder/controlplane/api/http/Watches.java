package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.controlplane.api.Selection;
import dev.herder.controlplane.api.watch.WatchCache;
import dev.herder.controlplane.api.watch.WatchCaches;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.wire.ApiError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;

/**
 * {@code watch=true} on a list: a chunked stream of newline-delimited events ({"type":"ADDED|MODIFIED|DELETED",
 * "object":...}, the object a one-row Table when the client asked for Tables), from the node's {@link WatchCache}
 * of the kind, narrowed by namespace and selectors (an object that stops matching is DELETED for this watch, one
 * that starts matching ADDED, as Kubernetes does). Open until the client leaves, timeoutSeconds (at most
 * http.watch-timeout) pass, or the watch is ended (then an ERROR event with an Expired Status says why, and the
 * client lists again). BOOKMARK events carry the revision when allowWatchBookmarks is set.
 */
final class Watches {
    private final WatchCaches caches;
    private final Materializer materializer;
    private final int queueSize;
    private final Duration maxTimeout;
    private final Duration bookmarkInterval;

    Watches(WatchCaches caches, Materializer materializer, int queueSize, Duration maxTimeout, Duration bookmarkInterval) {
        this.caches = caches;
        this.materializer = materializer;
        this.queueSize = queueSize;
        this.maxTimeout = maxTimeout;
        this.bookmarkInterval = bookmarkInterval;
    }

    CompletionStage<HttpResponse> watch(ResourcePath path, Query query, boolean table) {
        Selection selection;
        try {
            selection = Selection.parse(path.kind(), query.text("labelSelector"), query.text("fieldSelector"));
        } catch (IllegalArgumentException e) {
            return Replies.refused(Status.badRequest(e.getMessage()));
        }
        long from = revision(query.text("resourceVersion"));
        Integer seconds = query.number("timeoutSeconds");
        Duration timeout = seconds == null || seconds <= 0 || Duration.ofSeconds(seconds).compareTo(maxTimeout) > 0
                ? maxTimeout : Duration.ofSeconds(seconds);
        boolean bookmarks = query.flag("allowWatchBookmarks");
        Filter filter = new Filter(path.namespace(), selection);
        return caches.of(path.kind(), from).thenApply(cache -> {
            Pair<BoundedSourceQueue<ByteString>, Source<ByteString, NotUsed>> queued = Source.<ByteString>queue(queueSize)
                    .preMaterialize(materializer);
            Stream stream = new Stream(cache, queued.first(), filter, from, table);
            cache.watch(from, stream);
            Source<ByteString, NotUsed> events = queued.second();
            if (bookmarks) {
                events = events.merge(Source.tick(bookmarkInterval, bookmarkInterval, "")
                        .map(t -> stream.bookmark()).mapMaterializedValue(c -> NotUsed.notUsed()), true);
            }
            events = events.takeWithin(timeout).watchTermination((m, done) -> {
                done.whenComplete((d, f) -> cache.unwatch(stream));
                return m;
            });
            return HttpResponse.create().withEntity(HttpEntities.createChunked(ContentTypes.APPLICATION_JSON, events));
        }).exceptionally(t -> {
            Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            if (cause instanceof WatchCache.TooOld tooOld) {
                return Replies.status(Status.of(ApiError.gone(tooOld.getMessage()), path.resource(), null));
            }
            throw new CompletionException(cause);
        });
    }

    private static long revision(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        try {
            long revision = Long.parseLong(text);
            if (revision >= 0) {
                return revision;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new Query.BadParameter("resourceVersion must be a revision (a whole number) a list or object gave,"
                + " not \"" + text + "\"");
    }

    private static final ByteString LINE_END = ByteString.fromString("}\n");

    /** One event of a watch's response: its JSON and a newline. */
    private static ByteString lineOf(ObjectNode event) {
        return ByteString.fromArray(Replies.bytes(event)).concat(ByteString.fromString("\n"));
    }

    /** What a watch is narrowed to: a namespace (null: all) and its selectors. */
    private record Filter(String namespace, Selection selection) {
        boolean matches(ApiObject o) {
            return o != null && (namespace == null || namespace.equals(o.metadata().namespace()))
                    && selection.matches(o);
        }
    }

    /** One client's watch: each event of the cache that concerns it, as a line of its response. */
    private final class Stream implements WatchCache.Watcher {
        private final WatchCache cache;
        private final BoundedSourceQueue<ByteString> queue;
        private final Filter filter;
        private final long from;
        private final boolean table;
        private final AtomicBoolean columnsSent = new AtomicBoolean();

        Stream(WatchCache cache, BoundedSourceQueue<ByteString> queue, Filter filter, long from, boolean table) {
            this.cache = cache;
            this.queue = queue;
            this.filter = filter;
            this.from = from;
            this.table = table;
        }

        @Override
        public boolean offer(WatchCache.Event event) {
            if (from != 0 && event.revision() <= from) {
                return true; // the cache is behind the revision the client started from
            }
            boolean now = event.type() != WatchCache.Type.DELETED && filter.matches(event.object());
            boolean before = event.type() != WatchCache.Type.ADDED && filter.matches(event.previous());
            String type = now && before ? "MODIFIED" : now ? "ADDED" : before ? "DELETED" : null;
            if (type == null) {
                return true;
            }
            if (queue.size() >= queueSize - 1) {
                return false; // the last place is kept for the ERROR that ends the watch
            }
            return queue.offer(line(type, event)).isEnqueued();
        }

        @Override
        public void ended(String reason) {
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("type", "ERROR");
            line.set("object", Status.of(ApiError.gone(reason), null, null).json());
            if (!queue.isCompleted()) {
                queue.offer(lineOf(line));
                queue.complete();
            }
        }

        ByteString bookmark() {
            ObjectNode line = Json.mapper().createObjectNode();
            line.put("type", "BOOKMARK");
            ObjectNode object = line.putObject("object");
            object.put("kind", cache.kind());
            object.put("apiVersion", "v1");
            object.putObject("metadata").put("resourceVersion", Long.toString(cache.revision()));
            return lineOf(line);
        }

        private ByteString line(String type, WatchCache.Event event) {
            ApiObject object = event.object();
            if (table) {
                ObjectNode line = Json.mapper().createObjectNode();
                line.put("type", type);
                line.set("object", Tables.of(cache.kind(), List.of(object), object.metadata().resourceVersion(), null,
                        !columnsSent.getAndSet(true), false, Instant.now()));
                return lineOf(line);
            }
            // {"type":"...","object":<the object's JSON, written once for every watcher>}
            return ByteString.fromString("{\"type\":\"" + type + "\",\"object\":")
                    .concat(ByteString.fromArrayUnsafe(event.objectJson())).concat(LINE_END);
        }
    }
}
