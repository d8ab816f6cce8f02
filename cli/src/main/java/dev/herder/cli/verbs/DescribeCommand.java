package dev.herder.cli.verbs;

import dev.herder.cli.client.ApiClient;
import dev.herder.cli.client.Pages;
import dev.herder.cli.describe.Describers;
import dev.herder.cli.describe.ServiceDescriber;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.api.Endpoints;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.Kinds;
import dev.herder.protocol.api.Service;
import dev.herder.protocol.wire.ApiError;
import dev.herder.protocol.wire.ApiRequest;
import dev.herder.protocol.wire.ApiResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code herder describe KIND [NAME] [-l SELECTOR] [-n NS | -A]}: each object, then the events about it. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Show details of one or many objects.")
public final class DescribeCommand extends ClientVerb {
    @Mixin
    private ObjectSelection selection;

    @Override
    public Integer call() {
        ObjectQuery query = selection.query();
        List<ApiObject> items;
        Map<String, List<Event>> eventsByUid;
        Map<String, Endpoints> endpoints = Map.of();
        try (ApiClient client = connect()) {
            items = query.fetch(client);
            eventsByUid = Event.KIND.equals(query.kind()) ? Map.of() : eventsAbout(client, query.kind(), items);
            if (Service.KIND.equals(query.kind()) && !items.isEmpty()) {
                endpoints = endpointsOf(client, items);
            }
        }
        if (items.isEmpty()) {
            err().println(query.noResourcesFound());
            return OK;
        }
        Instant now = context().clock().instant();
        Map<String, Endpoints> found = endpoints;
        out().print(items.stream()
                .map(o -> o instanceof Service svc
                        ? ServiceDescriber.describe(svc, found.get(svc.key()), eventsByUid.getOrDefault(svc.metadata().uid(),
                                List.of()), now)
                        : Describers.describe(o, eventsByUid.getOrDefault(o.metadata().uid(), List.of()), now))
                .collect(Collectors.joining(System.lineSeparator())));
        return OK;
    }

    /** The Endpoints of these services, by the services' keys (namespace/name). */
    private static Map<String, Endpoints> endpointsOf(ApiClient client, List<ApiObject> services) {
        Map<String, Endpoints> out = new HashMap<>();
        Set<String> namespaces = new LinkedHashSet<>();
        services.forEach(s -> namespaces.add(s.metadata().namespace()));
        for (String namespace : namespaces) {
            ApiResponse response = services.size() == 1
                    ? client.call(new ApiRequest.Get(Endpoints.KIND, namespace, services.get(0).metadata().name(),
                            null))
                    : Pages.list(client, Endpoints.KIND, namespace, null, null);
            if (response instanceof ApiResponse.Failure f && f.error().code() == ApiError.Code.NOT_FOUND) {
                continue; // not written yet (or a service without a selector): no endpoints to show
            }
            Responses.expect(response, ApiResponse.Objects.class).items().forEach(o -> out.put(o.key(), (Endpoints) o));
        }
        return out;
    }

    /** The events about these objects, by the uid of the object: one list per namespace, narrowed by fields. */
    private static Map<String, List<Event>> eventsAbout(ApiClient client, String kind, List<ApiObject> items) {
        Set<String> namespaces = new LinkedHashSet<>();
        items.forEach(o -> namespaces.add(Kinds.namespaced(kind) ? o.metadata().namespace() : Kinds.DEFAULT_NAMESPACE));
        String fields = "involvedObject.kind=" + kind
                + (items.size() == 1 ? ",involvedObject.name=" + items.get(0).metadata().name() : "");
        Map<String, List<Event>> byUid = new HashMap<>();
        for (String namespace : namespaces) {
            ApiResponse response = Pages.list(client, Event.KIND, namespace, null, fields);
            for (ApiObject o : Responses.expect(response, ApiResponse.Objects.class).items()) {
                Event e = (Event) o;
                if (e.involvedObject() != null && e.involvedObject().uid() != null) {
                    byUid.computeIfAbsent(e.involvedObject().uid(), u -> new ArrayList<>()).add(e);
                }
            }
        }
        return byUid;
    }
}
