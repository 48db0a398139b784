package dev.numgen.sequence;

import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.PrefixRule;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** The fake passes the reserver contract; two "nodes" share it. */
class InMemoryBlockReserverTest extends BlockReserverContract {

    private final InMemoryRuleRegistry rules = new InMemoryRuleRegistry();
    private final InMemoryBlockReserver reserver = new InMemoryBlockReserver(rules);

    @Override
    protected List<BlockReserver> reservers() {
        return List.of(reserver, reserver);
    }

    @Override
    protected IssuedValues issuedValues() {
        return reserver;
    }

    @Override
    protected void register(PrefixRule rule) {
        rules.register(rule, OptionalLong.empty(), "test", Instant.EPOCH, (current, proposed) -> {});
    }
}
