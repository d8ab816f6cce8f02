package dev.herder.agent.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogWindowTest {
    private static final String LOG = "one\ntwo\nthree\n";

    @Test
    void withoutTailOrOffsetGivesEverything() {
        assertEquals(new LogWindow(LOG, 14, false), LogWindow.of(LOG, null, null, 100));
    }

    @Test
    void tailGivesTheLastLines() {
        assertEquals("three\n", LogWindow.of(LOG, 1, null, 100).text());
        assertEquals("two\nthree\n", LogWindow.of(LOG, 2, null, 100).text());
        assertEquals(LOG, LogWindow.of(LOG, 5, null, 100).text());
        assertEquals("", LogWindow.of(LOG, 0, null, 100).text());
        assertEquals("b", LogWindow.of("a\nb", 1, null, 100).text());
    }

    @Test
    void anOffsetGivesOnlyWhatFollows() {
        assertEquals(new LogWindow("three\n", 14, false), LogWindow.of(LOG, null, 8L, 100));
        assertEquals(new LogWindow("", 14, false), LogWindow.of(LOG, null, 14L, 100));
    }

    @Test
    void anOffsetPastTheEndStartsAgain() {
        assertEquals(new LogWindow(LOG, 14, false), LogWindow.of(LOG, null, 99L, 100));
    }

    @Test
    void longOutputIsCut() {
        assertEquals(new LogWindow("ee\n", 14, true), LogWindow.of(LOG, null, null, 3));
        assertEquals(new LogWindow("one", 3, true), LogWindow.of(LOG, null, 0L, 3));
    }
}
