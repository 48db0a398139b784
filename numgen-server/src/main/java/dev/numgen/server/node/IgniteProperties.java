package dev.numgen.server.node;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this service starts its embedded Ignite node. Everything else about the node (ports,
 * work directory, storage) is a {@code numgen.ignite.*} placeholder in the XML file named by
 * {@code config}.
 *
 * @param config Spring resource of the node's Ignite XML (classpath: or file:)
 * @param initialBaselineSize server nodes that must have joined before a fresh cluster is
 *     activated for the first time; later starts re-activate through the stored baseline
 * @param activationTimeout how long a request waits for the cluster to become active before
 *     it is answered with 503
 * @param cutOffTimeout how long a node that was in the majority may be out of it before its
 *     liveness fails, so that it is restarted and rejoins (Ignite does not merge the sides of a
 *     healed partition)
 */
@ConfigurationProperties("numgen.ignite")
public record IgniteProperties(
        String config, int initialBaselineSize, Duration activationTimeout, Duration cutOffTimeout) {

    public IgniteProperties {
        if (config == null || config.isBlank()) {
            config = "classpath:ignite-config/local-node.xml";
        }
        if (initialBaselineSize < 1) {
            initialBaselineSize = 1;
        }
        if (activationTimeout == null) {
            activationTimeout = Duration.ofSeconds(2);
        }
        if (cutOffTimeout == null) {
            cutOffTimeout = Duration.ofSeconds(60);
        }
    }
}
