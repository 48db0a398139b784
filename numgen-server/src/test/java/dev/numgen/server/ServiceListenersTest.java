package dev.numgen.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.server.devissuer.DevIssuer;
import dev.numgen.server.testing.ListeningSockets;
import dev.numgen.server.testing.ListeningSockets.Listener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as the README starts it listens on exactly the API, the development issuer and Ignite's discovery and
 * communication ports, all on loopback: no thin-client connector, REST connector, shared-memory endpoint or JMX port.
 */
class ServiceListenersTest {

    @TempDir
    Path workRoot;

    @Test
    void serviceListensOnlyOnItsOwnPortsAndOnLoopback() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "reads Linux's /proc");
        // Only what the test must change: its own ports and directories, so that it runs beside other tests.
        Map<String, Object> properties =
                new HashMap<>(TestNodes.ClusterLayout.of(workRoot, 1).nodeProperties(0));
        properties.remove("numgen.ignite.client-connector-port");
        properties.put("server.port", 0);
        properties.put("numgen.security.dev-issuer.port", 0);

        Set<Listener> before = ListeningSockets.ofThisProcess();
        try (ConfigurableApplicationContext node = start(properties)) {
            Set<Listener> opened = new HashSet<>(ListeningSockets.ofThisProcess());
            opened.removeAll(before);
            assertThat(opened)
                    .containsExactlyInAnyOrder(
                            new Listener(
                                    "127.0.0.1",
                                    ((WebServerApplicationContext) node)
                                            .getWebServer()
                                            .getPort()),
                            new Listener(
                                    "127.0.0.1", node.getBean(DevIssuer.class).port()),
                            new Listener("127.0.0.1", (Integer) properties.get("numgen.ignite.discovery-port")),
                            new Listener("127.0.0.1", (Integer) properties.get("numgen.ignite.communication-port")));
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(NumgenApplication.class)
                .profiles("local")
                .run(properties.entrySet().stream()
                        .map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
    }
}
