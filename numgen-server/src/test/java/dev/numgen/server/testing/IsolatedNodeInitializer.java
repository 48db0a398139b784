package dev.numgen.server.testing;

import dev.numgen.ignite.testing.TestNodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each Spring test context its own single-node cluster: free ports, a fresh work
 * directory, a unique instance name, and a dev issuer on a random port. Contexts that Spring
 * caches between test classes therefore never join each other.
 */
public final class IsolatedNodeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path workRoot;
        try {
            workRoot = Files.createTempDirectory("numgen-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> properties =
                new HashMap<>(TestNodes.ClusterLayout.of(workRoot, 1).nodeProperties(0));
        properties.put("numgen.security.dev-issuer.port", 0);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("isolated-node", properties));
    }
}
