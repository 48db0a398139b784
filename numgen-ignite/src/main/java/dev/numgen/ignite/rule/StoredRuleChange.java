package dev.numgen.ignite.rule;

import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleChange;
import java.time.Instant;

/** One entry of a rule's change history in the cluster. */
final class StoredRuleChange {

    long oldVersion;
    long newVersion;
    String changedBy;
    long changedAtMillis;

    static StoredRuleChange of(long oldVersion, long newVersion, String changedBy, Instant changedAt) {
        StoredRuleChange change = new StoredRuleChange();
        change.oldVersion = oldVersion;
        change.newVersion = newVersion;
        change.changedBy = changedBy;
        change.changedAtMillis = changedAt.toEpochMilli();
        return change;
    }

    RuleChange toChange(PrefixKey key) {
        return new RuleChange(key, oldVersion, newVersion, changedBy, Instant.ofEpochMilli(changedAtMillis));
    }
}
