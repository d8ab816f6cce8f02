package dev.herder.agent.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerPort;
import dev.herder.protocol.api.IntOrString;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProbeTargetTest {
    static final Container WEB = ProbeRunnerHttpTest.container("web",
            List.of(new ContainerPort("http", 8080, null, null, "TCP"),
                    new ContainerPort("admin", 9090, null, null, null)));

    /** port: a number, or name:NAME; expected: host:port, or (after !) words the failure must hold. */
    @ParameterizedTest(name = "port {0} host {1} pod {2} -> {3}")
    @CsvSource(nullValues = "-", textBlock = """
            8080,     -,          127.0.0.2, 127.0.0.2:8080
            name:http,    -,          127.0.0.2, 127.0.0.2:8080
            name:admin,   127.0.0.9,  127.0.0.2, 127.0.0.9:9090
            name:metrics, -,          127.0.0.2, ! port "metrics" is not one of container "web"
            name:7070,    -,          127.0.0.2, 127.0.0.2:7070
            8080,     -,          -,         ! no address
            -,        -,          127.0.0.2, ! names no port
            70000,    -,          127.0.0.2, ! out of range
            0,        -,          127.0.0.2, ! out of range
            8080,     ::1,        127.0.0.2, [::1]:8080
            """)
    void resolvesNamedPortsThroughTheContainerAndTheHostThroughThePod(String port, String host, String pod,
                                                                        String expected) {
        IntOrString p = port == null ? null
                : port.startsWith("name:") ? IntOrString.of(port.substring("name:".length()))
                : IntOrString.of(Integer.parseInt(port));
        ProbeTarget.Resolution resolution = ProbeTarget.resolve(p, host, WEB, pod);
        if (expected.startsWith("! ")) {
            String reason = assertInstanceOf(ProbeTarget.Unresolved.class, resolution).reason();
            assertTrue(reason.contains(expected.substring(2)), reason);
        } else {
            assertEquals(expected, assertInstanceOf(ProbeTarget.Resolved.class, resolution).target().authority());
        }
    }
}
