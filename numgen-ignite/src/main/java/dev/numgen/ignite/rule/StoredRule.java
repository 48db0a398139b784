package dev.numgen.ignite.rule;

import dev.numgen.rule.Concurrency;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.ResetPeriod;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.VariableSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule version in the cluster's rule cache. Plain fields, because Ignite's binary format
 * cannot rebuild records; enums and zones are kept as text so a stored rule never depends on a
 * class's ordinal order.
 */
final class StoredRule {

    String key;
    String format;
    String strategy;
    String reset;
    long start;
    long step;
    long maxValue;
    int reserveSize;
    String timeZone;
    LinkedHashMap<String, StoredVariable> variables;
    String description;
    /** Null in rules stored before the option existed: pessimistic. */
    String concurrency;
    /** Numbers per client and minute; null for the node's default (and in rules stored before quotas). */
    Integer quota;

    long version;
    String changedBy;
    long changedAtMillis;

    static StoredRule of(PrefixRule rule, long version, String changedBy, Instant changedAt) {
        StoredRule stored = new StoredRule();
        stored.key = rule.key().value();
        stored.format = rule.format();
        stored.strategy = rule.strategy().name();
        stored.reset = rule.reset().name();
        stored.start = rule.start();
        stored.step = rule.step();
        stored.maxValue = rule.maxValue();
        stored.reserveSize = rule.reserveSize();
        stored.timeZone = rule.timeZone().getId();
        stored.variables = new LinkedHashMap<>();
        rule.variables().forEach((name, spec) -> stored.variables.put(name, StoredVariable.of(spec)));
        stored.description = rule.description();
        stored.concurrency = rule.concurrency().name();
        stored.quota = rule.quota();
        stored.version = version;
        stored.changedBy = changedBy;
        stored.changedAtMillis = changedAt.toEpochMilli();
        return stored;
    }

    RegisteredRule toRegistered() {
        Map<String, VariableSpec> specs = new LinkedHashMap<>();
        if (variables != null) {
            variables.forEach((name, variable) -> specs.put(name, variable.toSpec()));
        }
        PrefixRule rule = new PrefixRule(
                new PrefixKey(key),
                format,
                Strategy.valueOf(strategy),
                ResetPeriod.valueOf(reset),
                start,
                step,
                maxValue,
                reserveSize,
                ZoneId.of(timeZone),
                specs,
                description,
                concurrency == null ? Concurrency.PESSIMISTIC : Concurrency.valueOf(concurrency),
                quota);
        return new RegisteredRule(rule, version, changedBy, Instant.ofEpochMilli(changedAtMillis));
    }

    static final class StoredVariable {
        String pattern;
        boolean required;
        int maxLength;

        static StoredVariable of(VariableSpec spec) {
            StoredVariable stored = new StoredVariable();
            stored.pattern = spec.pattern();
            stored.required = spec.required();
            stored.maxLength = spec.maxLength();
            return stored;
        }

        VariableSpec toSpec() {
            return new VariableSpec(pattern, required, maxLength);
        }
    }
}
