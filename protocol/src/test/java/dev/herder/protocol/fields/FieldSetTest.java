package dev.herder.protocol.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.protocol.manifest.Json;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Field sets as Kubernetes writes them in managedFields (FieldsV1), and as it names fields in conflict messages. */
class FieldSetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a leaf is an empty object | {'f:spec':{'f:replicas':{}}} | [.spec.replicas]",
        "a list item by its key, '.' the item itself "
            + "| {'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':{'.':{},'f:image':{},'f:name':{}}}}} "
            + "| [.spec.containers[name='web'], .spec.containers[name='web'].image, .spec.containers[name='web'].name]",
        "a set member | {'f:metadata':{'f:finalizers':{'v:\\'a\\'':{}}}} | [.metadata.finalizers[='a']]",
        "labels | {'f:metadata':{'f:labels':{'f:app':{},'f:tier':{}}}} | [.metadata.labels.app, .metadata.labels.tier]",
    })
    void readsAndWritesFieldsV1(String name, String fieldsV1, String described) {
        JsonNode json = json(fieldsV1);
        FieldSet set = FieldSet.fromJson(json);
        assertEquals(described.replace('\'', '"'), set.toString());
        assertEquals(json, set.toJson());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a pod's containers by name, its ports by containerPort | Pod "
            + "| {'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'a'}},"
            + "'spec':{'containers':[{'name':'web','image':'nginx','ports':[{'containerPort':80}],'args':['-v']}]},"
            + "'status':{'phase':'Running'}} "
            + "| [.metadata.labels.app, .spec.containers[name='web'], .spec.containers[name='web'].args,"
            + " .spec.containers[name='web'].image, .spec.containers[name='web'].name,"
            + " .spec.containers[name='web'].ports[containerPort=80],"
            + " .spec.containers[name='web'].ports[containerPort=80].containerPort]",
        "a service's ports by port, its selector field by field | Service "
            + "| {'metadata':{'name':'s','uid':'u','resourceVersion':'3'},'spec':{'selector':{'app':'a'},"
            + "'ports':[{'port':80,'targetPort':8080}]}} "
            + "| [.spec.ports[port=80], .spec.ports[port=80].port, .spec.ports[port=80].targetPort,"
            + " .spec.selector.app]",
        "an empty object is a leaf | Pod "
            + "| {'spec':{'volumes':[{'name':'v','emptyDir':{}}]}} "
            + "| [.spec.volumes[name='v'], .spec.volumes[name='v'].emptyDir, .spec.volumes[name='v'].name]",
    })
    void countsTheFieldsAnObjectSets(String name, String kind, String object, String described) {
        assertEquals(described.replace('\'', '"'), ObjectFields.of(kind, json(object)).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a container without a name | Pod | {'spec':{'containers':[{'image':'nginx'}]}} "
            + "| spec.containers[0] has no name, which names an item of that list: give each item its name",
    })
    void namesAnItemWithoutItsKey(String name, String kind, String object, String message) {
        FieldsException e = assertThrows(FieldsException.class,
                () -> ObjectFields.of(kind, json(object)));
        assertEquals(message, e.getMessage());
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static List<String> path(String... elements) {
        return List.of(elements);
    }
}
