package dev.herder.protocol.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.Event;
import dev.herder.protocol.api.EventSource;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.ObjectReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.PodStatus;
import dev.herder.protocol.api.Service;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FieldSelectorTest {
    private static final Event EVENT = new Event("v1", Event.KIND,
            new ObjectMeta("web-1.abc", null, "default", null, null, "e-uid", "1", null, null, null, null),
            new ObjectReference("Pod", "default", "web-1", "pod-uid", "v1", "7", null), "FailedScheduling",
            "0/3 nodes available: 3 insufficient cpu", new EventSource("default-scheduler", null),
            "2026-11-27T10:00:00Z", "2026-11-27T10:01:00Z", 3, Event.WARNING);
    private static final Pod POD = new Pod("v1", Pod.KIND,
            new ObjectMeta("web-1", null, "prod", null, null, "pod-uid", "1", null, null, null, null),
            new PodSpec(List.of(new Container("c", "img", null, null, null, null, null, null, null, null, null, null,
                    null, null, null)), null, null, "Always", null, "node-1", null, null, null, null),
            new PodStatus("Running", null, null, null, null, null, null, null));

    static Stream<Arguments> eventSelectors() {
        return Stream.of(
                Arguments.of("", true),
                Arguments.of("involvedObject.name=web-1", true), Arguments.of("involvedObject.name==web-1", true),
                Arguments.of("involvedObject.name=web-2", false), Arguments.of("involvedObject.name!=web-2", true),
                Arguments.of("involvedObject.kind=Pod,involvedObject.uid=pod-uid,type=Warning", true),
                Arguments.of("involvedObject.kind=Pod,type=Normal", false),
                Arguments.of(" reason = FailedScheduling , source=default-scheduler ", true),
                Arguments.of("metadata.namespace=default,metadata.name=web-1.abc", true),
                Arguments.of("involvedObject.fieldPath=", true), Arguments.of("involvedObject.fieldPath!=", false));
    }

    @ParameterizedTest
    @MethodSource("eventSelectors")
    void matchesAnEventsFieldsAsKubernetesDoes(String selector, boolean expected) {
        assertEquals(expected, FieldSelector.parse(selector).matches(EVENT), selector);
    }

    @Test
    void podsServeTheirNodeAndPhase() {
        assertTrue(FieldSelector.parse("spec.nodeName=node-1,status.phase!=Failed,status.phase!=Succeeded").matches(POD));
        assertFalse(FieldSelector.parse("spec.nodeName=node-2").matches(POD));
        assertTrue(FieldSelector.parse("metadata.namespace=prod,spec.restartPolicy=Always").matches(POD));
    }

    @Test
    void escapedCommasAndEqualsSignsArePartOfTheValue() {
        FieldSelector s = FieldSelector.parse("reason=a\\,b\\=c,type=Warning");
        assertEquals(List.of(new FieldSelector.Term("reason", false, "a,b=c"), new FieldSelector.Term("type", false,
                "Warning")), s.terms());
        assertEquals(s.terms(), FieldSelector.parse(s.toString()).terms());
    }

    @Test
    void aFieldTheKindDoesNotServeIsNamedWithTheOnesItDoes() {
        assertEquals(Optional.of("field label not supported: spec.nodeName (Service serves metadata.name,"
                + " metadata.namespace)"), FieldSelector.parse("spec.nodeName=x").unsupported(Service.KIND));
        assertEquals(Optional.empty(), FieldSelector.parse("spec.nodeName=x").unsupported(Pod.KIND));
        assertFalse(FieldSelector.parse("spec.nodeName=node-1").matches(EVENT));
    }

    @Test
    void aTermWithoutAnOperatorIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FieldSelector.parse("type=Warning,reason"));
        assertEquals("invalid field selector term \"reason\": expected field=value, field==value or field!=value",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FieldSelector.parse("=x"));
    }
}
