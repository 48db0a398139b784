package dev.numgen.sequence;

import dev.numgen.rule.InMemoryRuleRegistry;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.RuleRegistry;
import java.util.List;

/** The fake passes the issue records contract; two "nodes" share it. */
class InMemoryIssueRecordsTest extends IssueRecordsContract {

    private final InMemoryRuleRegistry rules = new InMemoryRuleRegistry();
    private final InMemoryIssueRecords records = new InMemoryIssueRecords(rules);

    @Override
    protected List<IssueRecords> records() {
        return List.of(records, records);
    }

    @Override
    protected RuleRegistry rules() {
        return rules;
    }

    @Override
    protected IssuedValues issuedValues() {
        return records;
    }
}
