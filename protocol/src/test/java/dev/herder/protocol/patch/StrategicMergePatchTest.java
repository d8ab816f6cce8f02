package dev.herder.protocol.patch;

import static dev.herder.protocol.patch.MergePatchTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kubernetes' documented examples of strategic merge patches (the sig-api-machinery strategic-merge-patch document,
 * and the kubectl patch task page), on core/v1 shapes, and what kubectl apply sends: object, patch, result.
 */
class StrategicMergePatchTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "containers merge by name (adding a container) | Pod "
            + "| {'spec':{'containers':[{'name':'nginx','image':'nginx-1.0'}]}} "
            + "| {'spec':{'containers':[{'name':'log-tailer','image':'log-tailer-1.0'}]}} "
            + "| {'spec':{'containers':[{'name':'nginx','image':'nginx-1.0'},{'name':'log-tailer','image':'log-tailer-1.0'}]}}",
        "a container of the same name is merged into | Pod "
            + "| {'spec':{'containers':[{'name':'app','image':'nginx:1.26','ports':[{'containerPort':80}]}]}} "
            + "| {'spec':{'containers':[{'name':'app','image':'nginx:1.27'}]}} "
            + "| {'spec':{'containers':[{'name':'app','image':'nginx:1.27','ports':[{'containerPort':80}]}]}}",
        "$patch replace on a map replaces it whole | Pod "
            + "| {'spec':{'containers':[{'name':'a','image':'a'},{'name':'b','image':'b'}],'restartPolicy':'Always'}} "
            + "| {'spec':{'$patch':'replace','containers':[{'name':'nginx','image':'nginx-1.0'}]}} "
            + "| {'spec':{'containers':[{'name':'nginx','image':'nginx-1.0'}]}}",
        "$patch replace in a list replaces the list | Pod "
            + "| {'spec':{'containers':[{'name':'a','image':'a'},{'name':'b','image':'b'}]}} "
            + "| {'spec':{'containers':[{'name':'nginx','image':'nginx-1.0'},{'$patch':'replace'}]}} "
            + "| {'spec':{'containers':[{'name':'nginx','image':'nginx-1.0'}]}}",
        "$patch delete removes the element with the key | Pod "
            + "| {'spec':{'containers':[{'name':'nginx','image':'nginx-0.9'},{'name':'log-tailer','image':'t'}]}} "
            + "| {'spec':{'containers':[{'name':'nginx','image':'nginx-1.0'},{'$patch':'delete','name':'log-tailer'}]}} "
            + "| {'spec':{'containers':[{'name':'nginx','image':'nginx-1.0'}]}}",
        "$patch delete on a map removes it | ReplicationController "
            + "| {'spec':{'replicas':2,'template':{'metadata':{'labels':{'a':'b'}}}}} "
            + "| {'spec':{'template':{'$patch':'delete'}}} "
            + "| {'spec':{'replicas':2}}",
        "null removes a map | ReplicationController "
            + "| {'spec':{'replicas':2,'template':{'metadata':{'labels':{'a':'b'}}}}} "
            + "| {'spec':{'template':null}} "
            + "| {'spec':{'replicas':2}}",
        "$deleteFromPrimitiveList removes values | Pod "
            + "| {'metadata':{'finalizers':['a','b','c']}} "
            + "| {'metadata':{'$deleteFromPrimitiveList/finalizers':['b','c']}} "
            + "| {'metadata':{'finalizers':['a']}}",
        "finalizers merge as a set | Pod "
            + "| {'metadata':{'finalizers':['a','b']}} "
            + "| {'metadata':{'finalizers':['b','c']}} "
            + "| {'metadata':{'finalizers':['a','b','c']}}",
        "$setElementOrder of values | Pod "
            + "| {'metadata':{'finalizers':['a','b','c']}} "
            + "| {'metadata':{'$setElementOrder/finalizers':['b','c','a']}} "
            + "| {'metadata':{'finalizers':['b','c','a']}}",
        "$setElementOrder of maps | Pod "
            + "| {'spec':{'containers':[{'name':'a','image':'1'},{'name':'b','image':'2'},{'name':'c','image':'3'}]}} "
            + "| {'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'c'},{'name':'a'}]}} "
            + "| {'spec':{'containers':[{'name':'b','image':'2'},{'name':'c','image':'3'},{'name':'a','image':'1'}]}}",
        "$retainKeys clears the fields it does not name | Pod "
            + "| {'spec':{'union':{'foo':'a','other':'b'}}} "
            + "| {'spec':{'union':{'$retainKeys':['another','bar'],'another':'d','bar':'c'}}} "
            + "| {'spec':{'union':{'another':'d','bar':'c'}}}",
        "lists without a merge key are replaced | Pod "
            + "| {'spec':{'containers':[{'name':'app','image':'i','args':['a','b']}]}} "
            + "| {'spec':{'containers':[{'name':'app','args':['c']}]}} "
            + "| {'spec':{'containers':[{'name':'app','image':'i','args':['c']}]}}",
        "env merges by name inside a merged container | Pod "
            + "| {'spec':{'containers':[{'name':'app','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]}} "
            + "| {'spec':{'containers':[{'name':'app','env':[{'name':'B','value':'3'}]}]}} "
            + "| {'spec':{'containers':[{'name':'app','env':[{'name':'A','value':'1'},{'name':'B','value':'3'}]}]}}",
        "a container's ports merge by containerPort | Pod "
            + "| {'spec':{'containers':[{'name':'app','ports':[{'containerPort':80,'name':'http'}]}]}} "
            + "| {'spec':{'containers':[{'name':'app','ports':[{'containerPort':443,'name':'https'}]}]}} "
            + "| {'spec':{'containers':[{'name':'app','ports':[{'containerPort':80,'name':'http'},{'containerPort':443,'name':'https'}]}]}}",
        "a service's ports merge by port | Service "
            + "| {'spec':{'ports':[{'port':80,'targetPort':8080}]}} "
            + "| {'spec':{'ports':[{'port':80,'targetPort':9090}]}} "
            + "| {'spec':{'ports':[{'port':80,'targetPort':9090}]}}",
        "kubectl apply: labels and the last-applied annotation | Pod "
            + "| {'metadata':{'name':'demo','labels':{'tier':'web','old':'x'}},'spec':{'containers':[{'name':'app','image':'nginx:1.26'}]}} "
            + "| {'metadata':{'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{}'},'labels':{'old':null}},'spec':{'$setElementOrder/containers':[{'name':'app'}],'containers':[{'image':'nginx:1.27','name':'app'}]}} "
            + "| {'metadata':{'name':'demo','labels':{'tier':'web'},'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'{}'}},'spec':{'containers':[{'name':'app','image':'nginx:1.27'}]}}",
        "kubectl cordon | Node "
            + "| {'metadata':{'name':'n1'},'spec':{}} "
            + "| {'spec':{'unschedulable':true}} "
            + "| {'metadata':{'name':'n1'},'spec':{'unschedulable':true}}",
    })
    void appliesTheDocumentedExamples(String what, String kind, String object, String patch, String result) {
        assertEquals(json(result), StrategicMergePatch.apply(kind, json(object), json(patch)), what);
    }

    @Test
    void deletesEveryElementWithTheKey() {
        assertEquals(json("{'spec':{'volumes':[{'name':'b'}]}}"), StrategicMergePatch.apply("Pod",
                json("{'spec':{'volumes':[{'name':'a','emptyDir':{}},{'name':'b'},{'name':'a'}]}}"),
                json("{'spec':{'volumes':[{'$patch':'delete','name':'a'}]}}")));
    }

    @Test
    void refusesAMergedElementWithoutItsKey() {
        PatchException e = assertThrows(PatchException.class, () -> StrategicMergePatch.apply("Pod",
                json("{'spec':{'containers':[{'name':'a'}]}}"), json("{'spec':{'containers':[{'image':'x'}]}}")));
        assertTrue(e.getMessage().contains("spec.containers") && e.getMessage().contains("\"name\""), e.getMessage());
    }

    @Test
    void refusesAnUnknownDirective() {
        PatchException e = assertThrows(PatchException.class, () -> StrategicMergePatch.apply("Pod",
                json("{'spec':{}}"), json("{'spec':{'$patch':'frob'}}")));
        assertTrue(e.getMessage().contains("frob"), e.getMessage());
    }
}
