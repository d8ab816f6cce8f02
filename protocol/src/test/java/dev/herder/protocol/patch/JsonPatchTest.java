package dev.herder.protocol.patch;

import static dev.herder.protocol.patch.MergePatchTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of RFC 6902, Appendix A: document, patch, result; and the ones that must fail. */
class JsonPatchTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // A.1 adding an object member
        "{'foo':'bar'} | [{'op':'add','path':'/baz','value':'qux'}] | {'baz':'qux','foo':'bar'}",
        // A.2 adding an array element
        "{'foo':['bar','baz']} | [{'op':'add','path':'/foo/1','value':'qux'}] | {'foo':['bar','qux','baz']}",
        // A.3 removing an object member
        "{'baz':'qux','foo':'bar'} | [{'op':'remove','path':'/baz'}] | {'foo':'bar'}",
        // A.4 removing an array element
        "{'foo':['bar','qux','baz']} | [{'op':'remove','path':'/foo/1'}] | {'foo':['bar','baz']}",
        // A.5 replacing a value
        "{'baz':'qux','foo':'bar'} | [{'op':'replace','path':'/baz','value':'boo'}] | {'baz':'boo','foo':'bar'}",
        // A.6 moving a value
        "{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}} | [{'op':'move','from':'/foo/waldo','path':'/qux/thud'}] | {'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}",
        // A.7 moving an array element
        "{'foo':['all','grass','cows','eat']} | [{'op':'move','from':'/foo/1','path':'/foo/3'}] | {'foo':['all','cows','eat','grass']}",
        // A.8 testing a value: success
        "{'baz':'qux','foo':['a',2,'c']} | [{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}] | {'baz':'qux','foo':['a',2,'c']}",
        // A.10 adding a nested member object
        "{'foo':'bar'} | [{'op':'add','path':'/child','value':{'grandchild':{}}}] | {'foo':'bar','child':{'grandchild':{}}}",
        // A.14 ~ escape ordering
        "{'/':9,'~1':10} | [{'op':'test','path':'/~01','value':10}] | {'/':9,'~1':10}",
        // A.16 adding an array value
        "{'foo':['bar']} | [{'op':'add','path':'/foo/-','value':['abc','def']}] | {'foo':['bar',['abc','def']]}",
        // a label with a slash in its key, as kubectl users write it
        "{'metadata':{'labels':{'a':'b'}}} | [{'op':'add','path':'/metadata/labels/app.kubernetes.io~1name','value':'web'}] | {'metadata':{'labels':{'a':'b','app.kubernetes.io/name':'web'}}}",
    })
    void appliesTheRfcExamples(String document, String patch, String result) {
        assertEquals(json(result), JsonPatch.apply(json(document), json(patch)));
    }

    @ParameterizedTest(name = "{1} fails naming {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // A.9 testing a value: error
        "{'baz':'qux'} | [{'op':'test','path':'/baz','value':'bar'}] | the value differs",
        // A.12 adding to a nonexistent target
        "{'foo':'bar'} | [{'op':'add','path':'/baz/bat','value':'qux'}] | nothing at /baz",
        // A.15 comparing strings and numbers
        "{'/':9,'~1':10} | [{'op':'test','path':'/~01','value':'10'}] | the value differs",
        "{'foo':'bar'} | [{'op':'remove','path':'/missing'}] | nothing at /missing to remove",
        "{'foo':['a']} | [{'op':'add','path':'/foo/5','value':'x'}] | not an index",
        "{'foo':'bar'} | [{'op':'frob','path':'/foo'}] | unknown op",
        "{'foo':'bar'} | [{'op':'add','path':'/foo'}] | value\" is required",
    })
    void refusesWhatCannotBeApplied(String document, String patch, String message) {
        PatchException e = assertThrows(PatchException.class, () -> JsonPatch.apply(json(document), json(patch)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void leavesTheTargetAsItWasWhenAnOperationFails() {
        var target = json("{'a':1}");
        assertThrows(PatchException.class, () -> JsonPatch.apply(target,
                json("[{'op':'add','path':'/b','value':2},{'op':'test','path':'/a','value':3}]")));
        assertEquals(json("{'a':1}"), target);
    }
}
