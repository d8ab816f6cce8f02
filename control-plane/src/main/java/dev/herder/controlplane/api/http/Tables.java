package dev.herder.controlplane.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.api.ApiObject;
import dev.herder.protocol.manifest.Json;
import dev.herder.protocol.printing.KindTable;
import dev.herder.protocol.printing.KindTables;
import java.time.Instant;
import java.util.List;

/**
 * Objects as a {@code meta.k8s.io/v1 Table}, which is what kubectl asks for ({@code Accept: ...;as=Table;...}) and
 * prints as it comes: the columns are {@code herder get}'s (protocol's printing tables), the wide ones at priority
 * 1, and each row carries its object's metadata (for kubectl's NAMESPACE and LABELS columns) or, when asked with
 * {@code includeObject=Object}, the whole object.
 */
final class Tables {
    static final String ACCEPT_TABLE = "as=Table";

    private Tables() {
    }

    /** Whether the client asked for a Table (kubectl's get does; -o yaml and client libraries do not). */
    static boolean wanted(String accept) {
        return accept != null && accept.contains(ACCEPT_TABLE);
    }

    static ObjectNode of(String kind, List<ApiObject> objects, String resourceVersion, boolean wholeObjects,
                         Instant now) {
        return of(kind, objects, resourceVersion, null, true, wholeObjects, now);
    }

    /**
     * A page of a list: continueToken (null: the last page) is where kubectl asks for the next one. Without columns
     * the column definitions are null, as in a watch's events after the first (kubectl keeps the first's).
     */
    static ObjectNode of(String kind, List<ApiObject> objects, String resourceVersion, String continueToken,
                         boolean columns, boolean wholeObjects, Instant now) {
        ObjectMapper mapper = Json.mapper();
        KindTable<?> table = KindTables.of(kind);
        ObjectNode node = mapper.createObjectNode();
        node.put("kind", "Table");
        node.put("apiVersion", "meta.k8s.io/v1");
        ObjectNode meta = node.putObject("metadata");
        if (resourceVersion != null) {
            meta.put("resourceVersion", resourceVersion);
        }
        if (continueToken != null) {
            meta.put("continue", continueToken);
        }
        if (columns) {
            List<String> narrow = table.headers(false);
            List<String> wide = table.headers(true);
            ArrayNode definitions = node.putArray("columnDefinitions");
            for (int i = 0; i < wide.size(); i++) {
                ObjectNode column = definitions.addObject();
                column.put("name", wide.get(i));
                column.put("type", "string");
                column.put("format", i == 0 ? "name" : "");
                column.put("description", "");
                column.put("priority", i < narrow.size() ? 0 : 1);
            }
        } else {
            node.putNull("columnDefinitions");
        }
        ArrayNode rows = node.putArray("rows");
        for (ApiObject o : table.ordered(objects)) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            table.rowOf(o, now, true).forEach(cells::add);
            if (wholeObjects) {
                row.set("object", mapper.valueToTree(o));
            } else {
                ObjectNode partial = row.putObject("object");
                partial.put("kind", "PartialObjectMetadata");
                partial.put("apiVersion", "meta.k8s.io/v1");
                partial.set("metadata", mapper.valueToTree(o.metadata()));
            }
        }
        return node;
    }
}
