package dev.numgen.ignite.node;

import java.io.Serializable;
import java.util.UUID;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.security.GridSecurityProcessor;
import org.apache.ignite.plugin.CachePluginContext;
import org.apache.ignite.plugin.CachePluginProvider;
import org.apache.ignite.plugin.ExtensionRegistry;
import org.apache.ignite.plugin.IgnitePlugin;
import org.apache.ignite.plugin.PluginConfiguration;
import org.apache.ignite.plugin.PluginContext;
import org.apache.ignite.plugin.PluginProvider;

/** Installs {@link ThinClientAuthentication} as the node's security processor; it does nothing else. */
final class ThinClientPlugin implements PluginProvider<PluginConfiguration> {

    private static final IgnitePlugin PLUGIN = new IgnitePlugin() {};

    private final String password;

    ThinClientPlugin(String password) {
        this.password = password;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T createComponent(PluginContext context, Class<T> type) {
        if (type != GridSecurityProcessor.class) {
            return null;
        }
        return (T) new ThinClientAuthentication(((IgniteEx) context.grid()).context(), password);
    }

    @Override
    public String name() {
        return "numgen-thin-client-authentication";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public String copyright() {
        return "";
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends IgnitePlugin> T plugin() {
        return (T) PLUGIN;
    }

    @Override
    public void initExtensions(PluginContext context, ExtensionRegistry registry) {}

    @Override
    public CachePluginProvider createCacheProvider(CachePluginContext context) {
        return null;
    }

    @Override
    public void start(PluginContext context) {}

    @Override
    public void stop(boolean cancel) {}

    @Override
    public void onIgniteStart() {}

    @Override
    public void onIgniteStop(boolean cancel) {}

    @Override
    public Serializable provideDiscoveryData(UUID nodeId) {
        return null;
    }

    @Override
    public void receiveDiscoveryData(UUID nodeId, Serializable data) {}

    @Override
    public void validateNewNode(ClusterNode node) {}
}
