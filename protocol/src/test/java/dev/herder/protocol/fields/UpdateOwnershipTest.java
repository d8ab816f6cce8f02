package dev.herder.protocol.fields;

import static dev.herder.protocol.fields.FieldSetTest.json;
import static dev.herder.protocol.fields.ServerSideApplyTest.NOW;
import static dev.herder.protocol.fields.ServerSideApplyTest.entries;
import static dev.herder.protocol.fields.ServerSideApplyTest.managers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.herder.protocol.api.ManagedFieldsEntry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ownership after an Update (create, replace, patch) by manager "u", as the Server-Side Apply page documents it:
 * the updater owns what it added or changed, taking it from others without conflict; removed fields are nobody's.
 */
class UpdateOwnershipTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a create owns every field it set | - | {'spec':{'replicas':1,'selector':{'app':'w'}}} | {} "
            + "| {'u/Update':{'f:spec':{'f:replicas':{},'f:selector':{'f:app':{}}}}}",
        "a changed field moves from the applier to the updater | {'spec':{'replicas':1,'selector':{'app':'w'}}} "
            + "| {'spec':{'replicas':3,'selector':{'app':'w'}}} "
            + "| {'a/Apply':{'f:spec':{'f:replicas':{},'f:selector':{'f:app':{}}}}} "
            + "| {'a/Apply':{'f:spec':{'f:selector':{'f:app':{}}}},'u/Update':{'f:spec':{'f:replicas':{}}}}",
        "a field taken from its only owner leaves that owner out | {'spec':{'replicas':1}} "
            + "| {'spec':{'replicas':3}} | {'a/Apply':{'f:spec':{'f:replicas':{}}}} "
            + "| {'u/Update':{'f:spec':{'f:replicas':{}}}}",
        "a removed field is nobody's | {'metadata':{'labels':{'x':'1','y':'2'}}} "
            + "| {'metadata':{'labels':{'x':'1'}}} "
            + "| {'a/Apply':{'f:metadata':{'f:labels':{'f:x':{},'f:y':{}}}}} "
            + "| {'a/Apply':{'f:metadata':{'f:labels':{'f:x':{}}}}}",
        "an added container is the updater's, item and fields | {'spec':{'containers':[{'name':'web'}]}} "
            + "| {'spec':{'containers':[{'name':'web'},{'name':'log'}]}} "
            + "| {'a/Apply':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':{'.':{},'f:name':{}}}}}} "
            + "| {'a/Apply':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':{'.':{},'f:name':{}}}}},"
            + "'u/Update':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'log\\'}':{'.':{},'f:name':{}}}}}}",
    })
    void updates(String name, String before, String after, String managers, String expected) {
        String kind = after.contains("containers") ? "Pod" : "ReplicationController";
        assertEquals(json(expected), managers(UpdateOwnership.update(kind, before.equals("-") ? null : json(before),
                json(after), entries(managers), "u", NOW)));
    }

    @Test
    void anUpdateThroughASubresourceIsItsOwnEntry() {
        List<ManagedFieldsEntry> after = UpdateOwnership.update("ReplicationController", json("{'spec':{'replicas':1}}"),
                json("{'spec':{'replicas':2}}"), entries("{'u/Update':{'f:spec':{'f:replicas':{}}}}"), "u", "scale",
                NOW);
        assertEquals(json("{'u/Update/scale':{'f:spec':{'f:replicas':{}}}}"), managers(after));
    }

    @Test
    void anUpdateThatChangesNothingKeepsTheEntries() {
        List<ManagedFieldsEntry> before = entries("{'u/Update':{'f:spec':{'f:replicas':{}}}}");
        List<ManagedFieldsEntry> after = UpdateOwnership.update("ReplicationController", json("{'spec':{'replicas':1}}"),
                json("{'spec':{'replicas':1}}"), before, "u", NOW);
        assertEquals(before, after);
        assertSame(before.get(0), after.get(0));
    }
}
