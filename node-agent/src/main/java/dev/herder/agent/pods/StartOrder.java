package dev.herder.agent.pods;

import dev.herder.protocol.api.Container;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order of a pod's containers by dependsOn: waves, each of containers whose dependencies all stand in
 * earlier waves. Containers start wave by wave, and stop in the reverse order. Validation has refused cycles
 * and unknown names; should one slip through, its containers form a last wave rather than never starting.
 */
final class StartOrder {
    private StartOrder() {
    }

    static List<List<String>> waves(List<Container> containers) {
        List<List<String>> waves = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<Container> left = new ArrayList<>(containers);
        while (!left.isEmpty()) {
            List<String> wave = new ArrayList<>();
            for (Container c : left) {
                if (c.dependsOn() == null || placed.containsAll(c.dependsOn())) {
                    wave.add(c.name());
                }
            }
            if (wave.isEmpty()) {
                left.forEach(c -> wave.add(c.name()));
            }
            placed.addAll(wave);
            left.removeIf(c -> placed.contains(c.name()));
            waves.add(wave);
        }
        return waves;
    }
}
