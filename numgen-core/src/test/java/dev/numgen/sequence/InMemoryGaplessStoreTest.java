package dev.numgen.sequence;

import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.RuleRegistry;
import java.util.List;

/** The fake passes the GAPLESS store contract; two "nodes" share it. */
class InMemoryGaplessStoreTest extends GaplessStoreContract {

    private final InMemoryRuleRegistry rules = new InMemoryRuleRegistry();
    private final InMemoryGaplessStore store = new InMemoryGaplessStore(rules);

    @Override
    protected List<GaplessStore> stores() {
        return List.of(store, store);
    }

    @Override
    protected RuleRegistry rules() {
        return rules;
    }

    @Override
    protected IssuedValues issuedValues() {
        return store;
    }
}
