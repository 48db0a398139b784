package dev.numgen.rule;

import java.util.List;

/** The fake passes the registry contract; two "nodes" share it. */
class InMemoryRuleRegistryTest extends RuleRegistryContract {

    private final InMemoryRuleRegistry registry = new InMemoryRuleRegistry();

    @Override
    protected List<RuleRegistry> registries() {
        return List.of(registry, registry);
    }
}
