package dev.herder.cli.describe;

import static dev.herder.cli.TestObjects.event;
import static dev.herder.cli.TestObjects.node;
import static dev.herder.cli.TestObjects.rc;
import static dev.herder.cli.TestObjects.runningPod;
import static dev.herder.cli.TestObjects.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herder.cli.CliRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescribersTest {

    @Test
    void describesAPodLikeKubectl() {
        assertEquals("""
                Name:           web-1
                Namespace:      default
                Node:           node-1/127.0.0.1
                Start Time:     2026-01-01T00:00:01Z
                Labels:         app=web
                Annotations:    <none>
                Status:         Running
                IP:             127.0.0.11
                Controlled By:  <none>
                Containers:
                  web:
                    Container ID:   docker://abc
                    Image:          nginx:1
                    Image ID:       <none>
                    Port:           80/TCP
                    Host Port:      0/TCP
                    State:          Running
                      Started:      2026-01-01T00:00:05Z
                    Ready:          True
                    Restart Count:  2
                    Environment:    <none>
                    Mounts:         <none>
                Conditions:
                  Type    Status
                  Ready   True
                Volumes:         <none>
                Node-Selectors:  <none>
                Events:          <none>
                """, Describers.describe(runningPod("web-1")));
    }

    @Test
    void endsWithTheEventsOldestFirstAndRepeatsCounted() {
        String text = Describers.describe(runningPod("web-1"), List.of(
                event("web-1", "Normal", "Scheduled", "Successfully assigned default/web-1 to node-1", 1,
                        "2026-01-01T00:09:00Z", "2026-01-01T00:09:00Z"),
                event("web-1", "Warning", "FailedScheduling", "0/3 nodes available: 3 insufficient cpu", 4,
                        "2026-01-01T00:05:00Z", "2026-01-01T00:08:30Z")), CliRun.NOW);

        assertTrue(text.endsWith("""
                Events:
                  Type      Reason             Age                From                Message
                  ----      ------             ----               ----                -------
                  Warning   FailedScheduling   90s (x4 over 5m)   default-scheduler   0/3 nodes available: 3 insufficient cpu
                  Normal    Scheduled          60s                default-scheduler   Successfully assigned default/web-1 to node-1
                """), text);
    }

    @Test
    void describesAReplicationController() {
        String text = Describers.describe(rc("nginx", 3, 2, 1));

        assertTrue(text.contains("Replicas:     2 current / 3 desired\n"), text);
        assertTrue(text.contains("Selector:     app=nginx\n"), text);
        assertTrue(text.contains("Pod Template:\n  Labels:  app=nginx\n  Containers:\n    web:\n"), text);
    }

    @Test
    void describesAService() {
        String text = Describers.describe(service("web"));

        assertTrue(text.contains("Type:              ClusterIP\n"), text);
        assertTrue(text.contains("Port:              http  80/TCP\n"), text);
        assertTrue(text.contains("TargetPort:        8080/TCP\n"), text);
    }

    @Test
    void aServiceShowsEachPortsReadyEndpoints() {
        var ref = new dev.herder.protocol.api.ObjectReference("Pod", "default", "web-1", "u", null, null, null);
        var endpoints = new dev.herder.protocol.api.Endpoints("v1", "Endpoints", service("web").metadata(), List.of(
                new dev.herder.protocol.api.EndpointSubset(List.of(
                        new dev.herder.protocol.api.EndpointAddress("127.0.0.2", null, "node-1", ref),
                        new dev.herder.protocol.api.EndpointAddress("127.0.0.3", null, "node-2", ref)),
                        List.of(new dev.herder.protocol.api.EndpointAddress("127.0.0.4", null, "node-3", ref)),
                        List.of(new dev.herder.protocol.api.EndpointPort("http", 8080, "TCP")))));
        String text = ServiceDescriber.describe(service("web"), endpoints, List.of(), CliRun.NOW);

        assertTrue(text.contains("TargetPort:        8080/TCP\nEndpoints:         127.0.0.2:8080,127.0.0.3:8080\n"), text);
        assertTrue(Describers.describe(service("web")).contains("Endpoints:         <none>\n"));
    }

    @Test
    void describesANode() {
        String text = Describers.describe(node("node-1", true));

        assertTrue(text.startsWith("Name:               node-1\n"), text);
        assertTrue(text.contains("Addresses:\n  InternalIP:  127.0.0.1\n"), text);
        assertTrue(text.contains("Capacity:\n  cpu:     4\n  memory:  8Gi\n"), text);
        assertTrue(text.contains("Conditions:\n  Type    Status   LastHeartbeatTime"), text);
        assertTrue(text.contains("  Kubelet Version:            herder-0.1.0\n"), text);
    }
}
