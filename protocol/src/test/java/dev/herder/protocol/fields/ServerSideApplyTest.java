package dev.herder.protocol.fields;

import static dev.herder.protocol.fields.FieldSetTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herder.protocol.api.ManagedFieldsEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Server-side apply as Kubernetes documents it (the "Server-Side Apply" page: conflicts, managers, merge
 * strategy, field removal), on core/v1 shapes: live object and its managers ("manager/Operation": FieldsV1), the
 * applied configuration of manager "a", force; then the stored object and managers, or the conflict message.
 */
class ServerSideApplyTest {
    static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
    static final Instant BEFORE = Instant.parse("2026-12-01T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "an apply creates the object, its applier owning what it set | - | {} "
            + "| {'spec':{'replicas':1,'selector':{'app':'w'}}} | false "
            + "| {'spec':{'replicas':1,'selector':{'app':'w'}}} "
            + "| {'a/Apply':{'f:spec':{'f:replicas':{},'f:selector':{'f:app':{}}}}}",
        "a field another manager set to another value is a conflict | {'spec':{'replicas':3}} "
            + "| {'kubectl-scale/Update':{'f:spec':{'f:replicas':{}}}} | {'spec':{'replicas':1}} | false "
            + "| - | Apply failed with 1 conflict: conflict with \"kubectl-scale\" using v1: .spec.replicas",
        "forced, the field changes hands | {'spec':{'replicas':3}} "
            + "| {'kubectl-scale/Update':{'f:spec':{'f:replicas':{}}}} | {'spec':{'replicas':1}} | true "
            + "| {'spec':{'replicas':1}} | {'a/Apply':{'f:spec':{'f:replicas':{}}}}",
        "the same value is shared ownership, no conflict | {'spec':{'replicas':3}} "
            + "| {'b/Update':{'f:spec':{'f:replicas':{}}}} | {'spec':{'replicas':3}} | false "
            + "| {'spec':{'replicas':3}} "
            + "| {'b/Update':{'f:spec':{'f:replicas':{}}},'a/Apply':{'f:spec':{'f:replicas':{}}}}",
        "a field scaled through the scale subresource names it | {'spec':{'replicas':3}} "
            + "| {'kubectl/Update/scale':{'f:spec':{'f:replicas':{}}}} | {'spec':{'replicas':1}} | false | - "
            + "| Apply failed with 1 conflict: conflict with \"kubectl\" with subresource \"scale\" using v1: .spec.replicas",
        "another applier's field conflicts too, named without an apiVersion | {'spec':{'replicas':3}} "
            + "| {'b/Apply':{'f:spec':{'f:replicas':{}}}} | {'spec':{'replicas':1}} | false "
            + "| - | Apply failed with 1 conflict: conflict with \"b\": .spec.replicas",
        "a field the applier no longer sets, no one else owns, is removed "
            + "| {'metadata':{'labels':{'x':'1','y':'2'}}} "
            + "| {'a/Apply':{'f:metadata':{'f:labels':{'f:x':{},'f:y':{}}}}} "
            + "| {'metadata':{'labels':{'x':'1'}}} | false "
            + "| {'metadata':{'labels':{'x':'1'}}} | {'a/Apply':{'f:metadata':{'f:labels':{'f:x':{}}}}}",
        "a field the applier no longer sets stays when another manager owns it "
            + "| {'metadata':{'labels':{'x':'1','y':'2'}}} "
            + "| {'a/Apply':{'f:metadata':{'f:labels':{'f:x':{},'f:y':{}}}},'b/Update':{'f:metadata':{'f:labels':{'f:y':{}}}}} "
            + "| {'metadata':{'labels':{'x':'1'}}} | false "
            + "| {'metadata':{'labels':{'x':'1','y':'2'}}} "
            + "| {'a/Apply':{'f:metadata':{'f:labels':{'f:x':{}}}},'b/Update':{'f:metadata':{'f:labels':{'f:y':{}}}}}",
        "containers merge by name; a new one is added | {'spec':{'containers':[{'name':'web','image':'nginx'}]}} "
            + "| {'b/Update':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':{'.':{},'f:image':{},'f:name':{}}}}}} "
            + "| {'spec':{'containers':[{'name':'log','image':'busybox'}]}} | false "
            + "| {'spec':{'containers':[{'name':'web','image':'nginx'},{'name':'log','image':'busybox'}]}} "
            + "| {'b/Update':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':{'.':{},'f:image':{},'f:name':{}}}}},"
            + "'a/Apply':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'log\\'}':{'.':{},'f:image':{},'f:name':{}}}}}}",
        "a container the applier dropped goes with what it set "
            + "| {'spec':{'containers':[{'name':'web','image':'nginx'},{'name':'log','image':'busybox'}]}} "
            + "| {'a/Apply':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':{'.':{},'f:image':{},'f:name':{}},"
            + "'k:{\\'name\\':\\'log\\'}':{'.':{},'f:image':{},'f:name':{}}}}}} "
            + "| {'spec':{'containers':[{'name':'web','image':'nginx'}]}} | false "
            + "| {'spec':{'containers':[{'name':'web','image':'nginx'}]}} "
            + "| {'a/Apply':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':{'.':{},'f:image':{},'f:name':{}}}}}}",
        "a changed image of another manager's container conflicts "
            + "| {'spec':{'containers':[{'name':'web','image':'nginx:1'}]}} "
            + "| {'b/Update':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':{'.':{},'f:image':{},'f:name':{}}}}}} "
            + "| {'spec':{'containers':[{'name':'web','image':'nginx:2'}]}} | false "
            + "| - | Apply failed with 1 conflict: conflict with \"b\" using v1: .spec.containers[name=\"web\"].image",
        "an atomic list is replaced whole | {'spec':{'containers':[{'name':'web','args':['a','b']}]}} "
            + "| {} | {'spec':{'containers':[{'name':'web','args':['c']}]}} | false "
            + "| {'spec':{'containers':[{'name':'web','args':['c']}]}} "
            + "| {'a/Apply':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':{'.':{},'f:args':{},'f:name':{}}}}}}",
        "status is not applied | {'spec':{'replicas':1},'status':{'replicas':1}} | {} "
            + "| {'spec':{'replicas':1},'status':{'replicas':5}} | false "
            + "| {'spec':{'replicas':1},'status':{'replicas':1}} | {'a/Apply':{'f:spec':{'f:replicas':{}}}}",
    })
    void applies(String name, String live, String managers, String config, boolean force, String object,
                 String expected) {
        JsonNode liveObject = live.equals("-") ? null : json(live);
        ServerSideApply.Outcome outcome = ServerSideApply.apply(
                config.contains("containers") ? "Pod" : "ReplicationController", liveObject, entries(managers),
                json(config), "a", force, NOW);
        if (object.equals("-")) {
            assertEquals(expected, assertInstanceOf(ServerSideApply.Conflicts.class, outcome).message());
            return;
        }
        ServerSideApply.Applied applied = assertInstanceOf(ServerSideApply.Applied.class, outcome);
        assertEquals(json(object), applied.object());
        assertEquals(json(expected), managers(applied.managedFields()));
    }

    @Test
    void anApplyThatChangesNothingKeepsItsTime() {
        List<ManagedFieldsEntry> before = entries("{'a/Apply':{'f:spec':{'f:replicas':{}}}}");
        ServerSideApply.Applied applied = assertInstanceOf(ServerSideApply.Applied.class, ServerSideApply.apply(
                "ReplicationController", json("{'spec':{'replicas':2}}"), before, json("{'spec':{'replicas':2}}"),
                "a", false, NOW));
        assertEquals(before, applied.managedFields());
    }

    @Test
    void conflictsNameEveryFieldByManager() {
        ServerSideApply.Conflicts conflicts = assertInstanceOf(ServerSideApply.Conflicts.class, ServerSideApply.apply(
                "ReplicationController", json("{'metadata':{'labels':{'x':'1'}},'spec':{'replicas':3}}"),
                entries("{'b/Update':{'f:spec':{'f:replicas':{}},'f:metadata':{'f:labels':{'f:x':{}}}}}"),
                json("{'metadata':{'labels':{'x':'2'}},'spec':{'replicas':1}}"), "a", false, NOW));
        assertEquals("Apply failed with 2 conflicts: conflicts with \"b\" using v1:\n- .metadata.labels.x\n"
                + "- .spec.replicas", conflicts.message());
        assertEquals(List.of(".metadata.labels.x", ".spec.replicas"),
                conflicts.conflicts().stream().map(ServerSideApply.Conflict::field).toList());
    }

    /** Entries from {"manager/Operation[/subresource]": fieldsV1, ...}, written BEFORE. */
    static List<ManagedFieldsEntry> entries(String managers) {
        List<ManagedFieldsEntry> entries = new ArrayList<>();
        json(managers).fields().forEachRemaining(e -> {
            String[] parts = e.getKey().split("/");
            entries.add(new ManagedFieldsEntry(parts[0], parts[1], "v1", BEFORE.toString(), "FieldsV1",
                    e.getValue(), parts.length > 2 ? parts[2] : null));
        });
        return entries;
    }

    static JsonNode managers(List<ManagedFieldsEntry> entries) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        entries.forEach(e -> json.set(e.manager() + "/" + e.operation()
                + (e.subresource() == null ? "" : "/" + e.subresource()), e.fieldsV1()));
        return json;
    }
}
