package dev.herder.protocol.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herder.protocol.manifest.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of RFC 7386, Appendix A: target, patch, result. */
class MergePatchTest {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'a':'b'}                 | {'a':'c'}            | {'a':'c'}",
        "{'a':'b'}                 | {'b':'c'}            | {'a':'b','b':'c'}",
        "{'a':'b'}                 | {'a':null}           | {}",
        "{'a':'b','b':'c'}         | {'a':null}           | {'b':'c'}",
        "{'a':['b']}               | {'a':'c'}            | {'a':'c'}",
        "{'a':'c'}                 | {'a':['b']}          | {'a':['b']}",
        "{'a':{'b':'c'}}           | {'a':{'b':'d','c':null}} | {'a':{'b':'d'}}",
        "{'a':[{'b':'c'}]}         | {'a':[1]}            | {'a':[1]}",
        "['a','b']                 | ['c','d']            | ['c','d']",
        "{'a':'b'}                 | ['c']                | ['c']",
        "{'a':'foo'}               | null                 | null",
        "{'a':'foo'}               | 'bar'                | 'bar'",
        "{'e':null}                | {'a':1}              | {'e':null,'a':1}",
        "[1,2]                     | {'a':'b','c':null}   | {'a':'b'}",
        "{}                        | {'a':{'bb':{'ccc':null}}} | {'a':{'bb':{}}}",
    })
    void appliesTheRfcExamples(String target, String patch, String result) {
        assertEquals(json(result), MergePatch.apply(json(target), json(patch)));
    }

    @ParameterizedTest(name = "kubectl label: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'metadata':{'name':'web','labels':{'app':'web'}}} | {'metadata':{'labels':{'tier':'front'}}} | {'metadata':{'name':'web','labels':{'app':'web','tier':'front'}}}",
        "{'metadata':{'name':'web','labels':{'app':'web'}}} | {'metadata':{'labels':{'app':null}}}    | {'metadata':{'name':'web','labels':{}}}",
    })
    void mergesLabelsAsKubectlSendsThem(String target, String patch, String result) {
        assertEquals(json(result), MergePatch.apply(json(target), json(patch)));
    }

    static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
