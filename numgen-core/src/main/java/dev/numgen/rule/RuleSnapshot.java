package dev.numgen.rule;

import java.util.Optional;

/** This node's own copy of the last version it saw of each rule, kept where it survives a restart. */
public interface RuleSnapshot {

    Optional<RegisteredRule> find(PrefixKey key);

    /** Keeps {@code rule} unless a newer version of it is already kept. */
    void keep(RegisteredRule rule);
}
