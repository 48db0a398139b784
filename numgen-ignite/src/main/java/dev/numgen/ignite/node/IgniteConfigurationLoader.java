package dev.numgen.ignite.node;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.ignite.configuration.IgniteConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.xml.XmlBeanDefinitionReader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.context.support.PropertySourcesPlaceholderConfigurer;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;

/**
 * Reads an Ignite node configuration from Spring XML (the files in {@code ignite-config/}),
 * resolving its {@code ${numgen.ignite.*}} placeholders from the application's environment, so
 * one XML file serves every node and the values come from properties, arguments or the
 * environment like every other setting. The thin-client connector is numgen's decision, not the XML's
 * ({@link ThinClients}); so is cluster TLS ({@link ClusterTls}, {@code numgen.ignite.tls.*}, off by default: the
 * single-node quickstart stays plain on loopback). The configuration returned has passed {@link NodeSafety}.
 */
public final class IgniteConfigurationLoader {

    public static final String CONFIGURATION_BEAN = "ignite.cfg";
    public static final String WORK_DIR = "numgen.ignite.work-dir";

    private static final Logger log = LoggerFactory.getLogger(IgniteConfigurationLoader.class);

    private IgniteConfigurationLoader() {}

    public static IgniteConfiguration load(Resource xml, ConfigurableEnvironment environment) {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment().merge(environment);
            // Ignite needs an absolute work directory; a relative one is taken from the current directory.
            String workDir = environment.getProperty(WORK_DIR, "./data");
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "numgen-absolute-work-dir",
                            Map.of(
                                    WORK_DIR,
                                    Path.of(workDir)
                                            .toAbsolutePath()
                                            .normalize()
                                            .toString())));
            context.registerBean(PropertySourcesPlaceholderConfigurer.class);
            new XmlBeanDefinitionReader(context).loadBeanDefinitions(xml);
            context.refresh();
            IgniteConfiguration configuration = context.getBean(CONFIGURATION_BEAN, IgniteConfiguration.class);
            ThinClients.configure(configuration, environment);
            Optional<ClusterTls> tls = ClusterTls.from(environment, ClusterTls.SERVER_PREFIX);
            tls.ifPresent(settings -> settings.applyTo(configuration));
            NodeSafety.check(configuration);
            log.info(
                    "Cluster TLS {} for node {}{}",
                    tls.isPresent() ? "on" : configuration.getSslContextFactory() == null ? "off" : "from the XML",
                    configuration.getIgniteInstanceName(),
                    tls.map(settings -> ": certificate " + settings.subject() + ", peers trusted from "
                                    + settings.trustStore())
                            .orElse(""));
            return configuration;
        }
    }
}
