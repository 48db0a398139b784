package dev.numgen.provisional;

import java.util.List;

/** The fake passes the registry contract; two "nodes" share it. */
class InMemoryProvisionalRegistryTest extends ProvisionalRegistryContract {

    @Override
    protected List<ProvisionalRegistry> emptyRegistries() {
        InMemoryProvisionalRegistry registry = new InMemoryProvisionalRegistry();
        return List.of(registry, registry);
    }
}
