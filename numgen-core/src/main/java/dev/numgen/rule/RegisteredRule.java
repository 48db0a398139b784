package dev.numgen.rule;

import java.time.Instant;

/** A rule as stored: its content plus the version and who wrote that version when. */
public record RegisteredRule(PrefixRule rule, long version, String changedBy, Instant changedAt) {

    public PrefixKey key() {
        return rule.key();
    }
}
