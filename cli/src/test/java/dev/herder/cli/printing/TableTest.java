package dev.herder.cli.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsColumnsThreeSpacesApartLikeKubectl() {
        String text = new Table(List.of("NAME", "READY", "STATUS"))
                .add(List.of("web-1", "1/1", "Running"))
                .add(List.of("a-much-longer-name", "0/1", "Pending"))
                .render();

        assertEquals("""
                NAME                 READY   STATUS
                web-1                1/1     Running
                a-much-longer-name   0/1     Pending
                """, text);
    }
}
