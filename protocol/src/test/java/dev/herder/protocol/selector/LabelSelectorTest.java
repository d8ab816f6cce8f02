package dev.herder.protocol.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorTest {
    static final Map<String, String> WEB = Map.of("app", "web", "tier", "front", "version", "3");

    static Stream<Arguments> matching() {
        return Stream.of(
                Arguments.of("", true), Arguments.of("   ", true),
                Arguments.of("app=web", true), Arguments.of("app==web", true), Arguments.of("app=db", false),
                Arguments.of("app!=db", true), Arguments.of("app!=web", false), Arguments.of("missing!=x", true),
                Arguments.of("app in (web,db)", true), Arguments.of("app in (db)", false),
                Arguments.of("missing in (x)", false), Arguments.of("app notin (db)", true),
                Arguments.of("app notin (web, db)", false), Arguments.of("missing notin (x)", true),
                Arguments.of("app", true), Arguments.of("missing", false),
                Arguments.of("!missing", true), Arguments.of("!app", false),
                Arguments.of("app=web,tier=front", true), Arguments.of("app=web,tier=back", false),
                Arguments.of("  app = web ,  tier in ( front , back ) , !missing ", true),
                Arguments.of("app in(web)", true), Arguments.of("missing=", false),
                Arguments.of("version>2", true), Arguments.of("version<3", false), Arguments.of("app>1", false));
    }

    @ParameterizedTest
    @MethodSource("matching")
    void matchesLabelsLikeKubectl(String selector, boolean expected) {
        assertEquals(expected, LabelSelector.parse(selector).matches(WEB), selector);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("app=web tier=front", "at character 9, found 'tier': expected ',' or end of selector"),
                Arguments.of("app=web,", "at character 9, found end of selector: expected a label key"),
                Arguments.of(",app", "at character 1, found ',': expected a label key"),
                Arguments.of("app in web", "at character 8, found 'web': expected '('"),
                Arguments.of("app in (web", "at character 12, found end of selector: expected ',' or ')'"),
                Arguments.of("app in (web db)", "at character 13, found 'db': expected ',' or ')'"),
                Arguments.of("app notin ((x)", "at character 12, found '(': expected a value, ',' or ')'"),
                Arguments.of("app = = web", "at character 7, found '=': expected a label value"),
                Arguments.of("app web", "at character 5, found 'web': expected one of in, notin, =, ==, !=, >, <,"
                        + " ',' or end of selector"),
                Arguments.of("!app=web", "at character 5, found '=': expected ',' or end of selector"),
                Arguments.of("a b=c", "at character 3, found 'b': expected one of in, notin, =, ==, !=, >, <, ','"
                        + " or end of selector"),
                Arguments.of("Bad Key", "at character 5, found 'Key': expected one of in, notin, =, ==, !=, >, <,"
                        + " ',' or end of selector"),
                Arguments.of("-app=web", "at character 1, found '-app': invalid key \"-app\": name part must be at"
                        + " most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit"),
                Arguments.of("app=web!", "at character 8, found '!': expected ',' or end of selector"),
                Arguments.of("app=-web", "at character 5, found '-web': invalid value \"-web\": must be empty or at"
                        + " most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit"),
                Arguments.of("version>two", "at character 9, found 'two': the value after > or < must be an integer"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesAMalformedSelectorNamingWhereAndWhat(String selector, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse(selector));
        assertEquals("invalid label selector \"" + selector + "\": " + why, e.getMessage());
    }

    static Stream<Arguments> canonical() {
        return Stream.of(
                Arguments.of("tier=front,app==web", "app=web,tier=front"),
                Arguments.of("app in (web, db, db)", "app in (db,web)"),
                Arguments.of("x notin ()", "x notin ()"),
                Arguments.of("a in (x,)", "a in (,x)"),
                Arguments.of("!b, a", "a,!b"),
                Arguments.of("in=notin", "in=notin"),
                Arguments.of("a!=", "a!="));
    }

    @ParameterizedTest
    @MethodSource("canonical")
    void printsTheCanonicalFormWhichParsesBackToTheSameSelector(String selector, String printed) {
        LabelSelector parsed = LabelSelector.parse(selector);
        assertEquals(printed, parsed.toString());
        assertEquals(parsed, LabelSelector.parse(printed));
    }

    @Test
    void fromMapRequiresEveryLabelAndTheEmptyMapMatchesEverything() {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put("tier", "front");
        selector.put("app", "web");
        LabelSelector s = LabelSelector.fromMap(selector);
        assertEquals("app=web,tier=front", s.toString());
        assertTrue(s.matches(WEB));
        assertEquals(false, s.matches(Map.of("app", "web")));
        assertTrue(LabelSelector.fromMap(Map.of()).matches(Map.of()));
        assertTrue(LabelSelector.fromMap(null).isEmpty());
        assertEquals(s, LabelSelector.parse("app=web,tier=front"));
    }

    @Test
    void anEmptySelectorMatchesEverythingEvenNoLabels() {
        assertTrue(LabelSelector.parse("").matches(null));
        assertTrue(LabelSelector.everything().matches(WEB));
    }

    @Test
    void matchesAnEmptyValueWithAnExplicitEmptyString() {
        assertTrue(LabelSelector.parse("a=").matches(Map.of("a", "")));
        assertTrue(LabelSelector.parse("a in (x,)").matches(Map.of("a", "")));
    }
}
