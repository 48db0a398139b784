package dev.numgen.rule;

class InMemoryRuleSnapshotTest extends RuleSnapshotContract {

    @Override
    protected RuleSnapshot emptySnapshot() {
        return new InMemoryRuleSnapshot();
    }
}
