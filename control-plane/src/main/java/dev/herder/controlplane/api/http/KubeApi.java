package dev.herder.controlplane.api.http;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.stream.Materializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes API (core/v1) on one control-plane node: discovery and OpenAPI documents, and each resource
 * request handed to {@link ObjectRequests} over the node's stateless API service; and {@value #CLUSTER_PATH}, the
 * cluster's status as {@code herder cluster status} shows it (an ApiResponse.Cluster as JSON). Requests with a body have it
 * read whole first (at most http.max-body-bytes, within http.body-timeout).
 */
public final class KubeApi implements Function<HttpRequest, CompletionStage<HttpResponse>> {
    /** Herder's own endpoint beside the Kubernetes API: the cluster's members and the Master's holder. */
    public static final String CLUSTER_PATH = "/herder/v1/cluster";
    private static final Logger LOG = LoggerFactory.getLogger(KubeApi.class);
    private final ObjectRequests objects;
    private final HttpSettings settings;
    private final Materializer materializer;
    private final String serverAddress;

    KubeApi(ObjectRequests objects, HttpSettings settings, Materializer materializer, String serverAddress) {
        this.objects = objects;
        this.settings = settings;
        this.materializer = materializer;
        this.serverAddress = serverAddress;
    }

    @Override
    public CompletionStage<HttpResponse> apply(HttpRequest request) {
        String path = request.getUri().path();
        CompletionStage<HttpResponse> answer;
        try {
            answer = route(request, path);
        } catch (Query.BadParameter e) {
            answer = Replies.refused(Status.badRequest(e.getMessage()));
        }
        return answer.exceptionally(t -> {
            Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
            if (cause instanceof Query.BadParameter) {
                return Replies.status(Status.badRequest(cause.getMessage()));
            }
            if (cause instanceof EntityStreamSizeException) {
                return Replies.status(new Status(StatusCodes.PAYLOAD_TOO_LARGE, "RequestEntityTooLarge",
                        "the request body is larger than " + settings.maxBodyBytes() + " bytes"
                                + " (herder.control-plane.http.max-body-bytes)", null, null));
            }
            LOG.warn("{} {} failed", request.method().value(), path, cause);
            return Replies.status(new Status(StatusCodes.INTERNAL_SERVER_ERROR, "InternalError",
                    "could not handle " + request.method().value() + " " + path + ": " + cause, null, null));
        });
    }

    private CompletionStage<HttpResponse> route(HttpRequest request, String path) {
        HttpMethod method = request.method();
        Optional<Object> document = switch (path) {
            case "/version", "/version/" -> Optional.of(Discovery.version());
            case "/api", "/api/" -> Optional.of(Discovery.apiVersions(serverAddress));
            case "/apis", "/apis/" -> Optional.of(Discovery.groups());
            case "/api/v1", "/api/v1/" -> Optional.of(Discovery.resources());
            case "/openapi/v3" -> Optional.of(OpenApi.index());
            case "/openapi/v3/api/v1" -> Optional.of(OpenApi.coreV1());
            default -> Optional.empty();
        };
        if (path.equals(CLUSTER_PATH)) {
            return method.equals(HttpMethods.GET) ? objects.cluster()
                    : Replies.refused(Status.methodNotAllowed(method.value() + " is not allowed on " + path));
        }
        if (document.isPresent()) {
            return method.equals(HttpMethods.GET) ? Replies.done(Replies.json(StatusCodes.OK, document.get()))
                    : Replies.refused(Status.methodNotAllowed(method.value() + " is not allowed on " + path));
        }
        Optional<ResourcePath> target = ResourcePath.parse(path);
        if (target.isEmpty()) {
            return Replies.refused(Status.notFound("the server could not find the requested resource (" + path
                    + "); it serves " + ResourcePath.KINDS.keySet() + " under /api/v1"));
        }
        if (method.equals(HttpMethods.GET) || method.equals(HttpMethods.HEAD)) {
            return objects.read(target.get(), request);
        }
        return request.entity().withSizeLimit(settings.maxBodyBytes())
                .toStrict(settings.bodyTimeout().toMillis(), materializer)
                .thenCompose(body -> objects.write(target.get(), request, body.getData().utf8String()));
    }
}
