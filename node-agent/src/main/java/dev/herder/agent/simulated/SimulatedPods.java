package dev.herder.agent.simulated;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerState;
import dev.herder.protocol.api.ContainerStateRunning;
import dev.herder.protocol.api.ContainerStatus;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodCondition;
import dev.herder.protocol.api.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a simulated node reports for a pod it pretends to run: Running and Ready, every container started. */
public final class SimulatedPods {
    private SimulatedPods() {
    }

    public static PodStatus running(Pod pod, String address, Instant startedAt) {
        String at = startedAt.toString();
        List<ContainerStatus> containers = new ArrayList<>();
        for (Container c : pod.spec().containers()) {
            containers.add(new ContainerStatus(c.name(), true, 0, c.image(), c.image(),
                    "simulated://" + pod.metadata().uid() + "/" + c.name(), true,
                    new ContainerState(null, new ContainerStateRunning(at), null), null));
        }
        List<PodCondition> conditions = List.of(
                new PodCondition("Initialized", "True", null, null, null, at),
                new PodCondition("Ready", "True", null, null, null, at),
                new PodCondition("ContainersReady", "True", null, null, null, at));
        return new PodStatus("Running", conditions, null, null, address, address, at, containers);
    }
}
