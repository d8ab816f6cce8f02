package dev.herder.controlplane.scheduling;

import dev.herder.protocol.api.Container;
import dev.herder.protocol.api.ContainerPort;
import dev.herder.protocol.api.Node;
import dev.herder.protocol.api.NodeCondition;
import dev.herder.protocol.api.NodeSpec;
import dev.herder.protocol.api.NodeStatus;
import dev.herder.protocol.api.ObjectMeta;
import dev.herder.protocol.api.OwnerReference;
import dev.herder.protocol.api.Pod;
import dev.herder.protocol.api.PodSpec;
import dev.herder.protocol.api.ResourceRequirements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for the records the scheduler reads; everything not set is null, as in a sparse manifest. */
final class Fixtures {
    private Fixtures() {
    }

    static NodeBuilder node(String name) {
        return new NodeBuilder(name);
    }

    static PodBuilder pod(String name) {
        return new PodBuilder(name);
    }

    /** A Ready node with 2 cpus, 4Gi of memory and the default pod limit unless told otherwise. */
    static final class NodeBuilder {
        private final String name;
        private final Map<String, String> capacity = new HashMap<>(Map.of("cpu", "2", "memory", "4Gi"));
        private Map<String, String> allocatable;
        private final Map<String, String> labels = new HashMap<>();
        private String ready = "True";
        private Boolean unschedulable;

        NodeBuilder(String name) {
            this.name = name;
        }

        NodeBuilder cpu(String cpu) { return put("cpu", cpu); }

        NodeBuilder memory(String memory) { return put("memory", memory); }

        NodeBuilder pods(String pods) { return put("pods", pods); }

        /** Sets a capacity entry; null removes it. */
        NodeBuilder put(String key, String value) {
            if (value == null) {
                capacity.remove(key);
            } else {
                capacity.put(key, value);
            }
            return this;
        }

        NodeBuilder allocatable(String key, String value) {
            if (allocatable == null) {
                allocatable = new HashMap<>();
            }
            allocatable.put(key, value);
            return this;
        }

        NodeBuilder label(String key, String value) { labels.put(key, value); return this; }

        /** Ready condition status ("False", "Unknown"), or null for no Ready condition at all. */
        NodeBuilder readyStatus(String status) { ready = status; return this; }

        NodeBuilder notReady() { return readyStatus("False"); }

        NodeBuilder cordoned() { unschedulable = true; return this; }

        Node build() {
            List<NodeCondition> conditions = ready == null ? List.of()
                    : List.of(new NodeCondition("Ready", ready, null, null, null, null));
            return new Node("v1", "Node", new ObjectMeta(name, null, null, Map.copyOf(labels), null, "uid-" + name,
                    null, null, null, null, null),
                    new NodeSpec(unschedulable, null, null),
                    new NodeStatus(Map.copyOf(capacity), allocatable == null ? null : Map.copyOf(allocatable),
                            conditions, null, null));
        }

        NodeInfo info() {
            return NodeInfo.of(build());
        }
    }

    /** A pod; each resources/port call adds one container. */
    static final class PodBuilder {
        private final String name;
        private final List<Container> containers = new ArrayList<>();
        private final List<Container> initContainers = new ArrayList<>();
        private final Map<String, String> nodeSelector = new LinkedHashMap<>();
        private String nodeName;
        private Boolean hostNetwork;
        private String controllerUid;

        PodBuilder(String name) {
            this.name = name;
        }

        /** A container requesting cpu and memory (null = not given). */
        PodBuilder requests(String cpu, String memory) {
            return container(resources(cpu, memory), null, List.of());
        }

        /** A container with limits only (null = not given). */
        PodBuilder limits(String cpu, String memory) {
            return container(null, resources(cpu, memory), List.of());
        }

        PodBuilder initRequests(String cpu, String memory) {
            initContainers.add(container("init" + initContainers.size(), resources(cpu, memory), null, List.of()));
            return this;
        }

        /** A container publishing a TCP host port. */
        PodBuilder hostPort(int port) {
            return hostPort(port, null, null);
        }

        PodBuilder hostPort(int port, String protocol, String hostIP) {
            return container(null, null, List.of(new ContainerPort(null, port, port, hostIP, protocol)));
        }

        /** A container listening on a port without hostPort. */
        PodBuilder containerPort(int port) {
            return container(null, null, List.of(new ContainerPort(null, port, null, null, null)));
        }

        PodBuilder container(Map<String, String> requests, Map<String, String> limits, List<ContainerPort> ports) {
            containers.add(container("c" + containers.size(), requests, limits, ports));
            return this;
        }

        PodBuilder selector(String key, String value) { nodeSelector.put(key, value); return this; }

        PodBuilder nodeName(String node) { nodeName = node; return this; }

        PodBuilder hostNetwork() { hostNetwork = true; return this; }

        PodBuilder controller(String uid) { controllerUid = uid; return this; }

        Pod build() {
            List<OwnerReference> owners = controllerUid == null ? null : List.of(
                    new OwnerReference("v1", "ReplicationController", "rc-" + controllerUid, controllerUid, true, true));
            return new Pod("v1", "Pod",
                    new ObjectMeta(name, null, "default", null, null, "uid-" + name, null, null, null, null, owners),
                    new PodSpec(List.copyOf(containers), List.copyOf(initContainers), null, null,
                            nodeSelector.isEmpty() ? null : Map.copyOf(nodeSelector), nodeName, null, hostNetwork,
                            null, null),
                    null);
        }

        private static Container container(String name, Map<String, String> requests, Map<String, String> limits,
                                           List<ContainerPort> ports) {
            ResourceRequirements resources = requests == null && limits == null ? null
                    : new ResourceRequirements(requests, limits);
            return new Container(name, "busybox", null, null, null, null, ports, resources, null, null, null, null,
                    null, null, null);
        }

        private static Map<String, String> resources(String cpu, String memory) {
            Map<String, String> map = new HashMap<>();
            if (cpu != null) {
                map.put("cpu", cpu);
            }
            if (memory != null) {
                map.put("memory", memory);
            }
            return map;
        }
    }
}
