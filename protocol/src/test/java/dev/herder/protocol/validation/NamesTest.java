package dev.herder.protocol.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NamesTest {
    static final Function<String, Optional<String>> LABEL = Names::dns1123Label;
    static final Function<String, Optional<String>> SUBDOMAIN = Names::dns1123Subdomain;
    static final Function<String, Optional<String>> DNS1035 = Names::dns1035Label;
    static final Function<String, Optional<String>> KEY = Names::qualifiedName;
    static final Function<String, Optional<String>> VALUE = Names::labelValue;
    static final Function<String, Optional<String>> PORT_NAME = Names::ianaServiceName;
    static final Function<String, Optional<String>> ENV = Names::envVarName;

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(LABEL, "web-1"), Arguments.of(LABEL, "a".repeat(63)), Arguments.of(LABEL, "0"),
                Arguments.of(SUBDOMAIN, "my.web-1.example"), Arguments.of(SUBDOMAIN, "a".repeat(253)),
                Arguments.of(DNS1035, "web1"), Arguments.of(KEY, "app"), Arguments.of(KEY, "App_Name.v2"),
                Arguments.of(KEY, "app.kubernetes.io/name"), Arguments.of(VALUE, ""), Arguments.of(VALUE, "MyApp"),
                Arguments.of(VALUE, "v1.2_3-x"), Arguments.of(PORT_NAME, "http"), Arguments.of(PORT_NAME, "h2c-8080"),
                Arguments.of(ENV, "MY_VAR"), Arguments.of(ENV, "_x.y-z"), Arguments.of(ENV, "a1"));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsNamesKubernetesAccepts(Function<String, Optional<String>> check, String value) {
        assertEquals(Optional.empty(), check.apply(value));
    }

    static Stream<Arguments> invalid() {
        String label = "must be a DNS-1123 label (at most 63 lowercase letters, digits or '-', starting and ending"
                + " with a letter or digit)";
        String subdomain = "must be a DNS-1123 subdomain (at most 253 lowercase letters, digits, '-' or '.',"
                + " starting and ending with a letter or digit)";
        String namePart = "at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
        String portName = "must be an IANA service name (at most 15 lowercase letters, digits or '-', with at least"
                + " one letter and no leading, trailing or double '-')";
        return Stream.of(
                Arguments.of(LABEL, "Web", "invalid value \"Web\": " + label),
                Arguments.of(LABEL, "-web", "invalid value \"-web\": " + label),
                Arguments.of(LABEL, "a.b", "invalid value \"a.b\": " + label),
                Arguments.of(LABEL, "a".repeat(64), "invalid value \"" + "a".repeat(64) + "\": " + label),
                Arguments.of(SUBDOMAIN, "My_Pod", "invalid value \"My_Pod\": " + subdomain),
                Arguments.of(SUBDOMAIN, "web.", "invalid value \"web.\": " + subdomain),
                Arguments.of(SUBDOMAIN, "a".repeat(254), "invalid value \"" + "a".repeat(64) + "...\": " + subdomain),
                Arguments.of(DNS1035, "1web", "invalid value \"1web\": must be a DNS-1035 label (at most 63 lowercase"
                        + " letters, digits or '-', starting with a letter and ending with a letter or digit)"),
                Arguments.of(KEY, "app name", "invalid key \"app name\": name part must be " + namePart),
                Arguments.of(KEY, "Example.com/app", "invalid key \"Example.com/app\": prefix " + subdomain),
                Arguments.of(KEY, "/app", "invalid key \"/app\": prefix " + subdomain),
                Arguments.of(KEY, "example.com/", "invalid key \"example.com/\": name part must be " + namePart),
                Arguments.of(KEY, "a".repeat(64), "invalid key \"" + "a".repeat(64) + "\": name part must be "
                        + namePart),
                Arguments.of(VALUE, "-x", "invalid value \"-x\": must be empty or " + namePart),
                Arguments.of(VALUE, "a b", "invalid value \"a b\": must be empty or " + namePart),
                Arguments.of(VALUE, "v".repeat(64), "invalid value \"" + "v".repeat(64) + "\": must be empty or "
                        + namePart),
                Arguments.of(PORT_NAME, "HTTP", "invalid value \"HTTP\": " + portName),
                Arguments.of(PORT_NAME, "123", "invalid value \"123\": " + portName),
                Arguments.of(PORT_NAME, "a--b", "invalid value \"a--b\": " + portName),
                Arguments.of(PORT_NAME, "sixteen-chars-xx", "invalid value \"sixteen-chars-xx\": " + portName),
                Arguments.of(ENV, "1ABC", "invalid value \"1ABC\": must consist of letters, digits, '_', '-' or '.'"
                        + " and must not start with a digit"),
                Arguments.of(ENV, "A B", "invalid value \"A B\": must consist of letters, digits, '_', '-' or '.'"
                        + " and must not start with a digit"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refusesNamesKubernetesRefusesSayingWhy(Function<String, Optional<String>> check, String value, String why) {
        assertEquals(Optional.of(why), check.apply(value));
    }
}
