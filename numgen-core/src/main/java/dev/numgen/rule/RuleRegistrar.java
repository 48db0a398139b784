package dev.numgen.rule;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Registers and updates rules (the use case behind {@code PUT /api/prefix-configs/{key}}).
 * Refuses any change that could make a number appear twice.
 */
public final class RuleRegistrar {

    private final RuleRegistry registry;
    private final IssuedValues issued;
    private final RuleValidator validator;
    private final Clock clock;

    public RuleRegistrar(RuleRegistry registry, IssuedValues issued, RuleValidator validator, Clock clock) {
        this.registry = registry;
        this.issued = issued;
        this.validator = validator;
        this.clock = clock;
    }

    public Registration register(
            PrefixKey key, RuleDefinition definition, OptionalLong expectedVersion, String changedBy)
            throws InvalidRuleException, InvalidPrefixKeyException, UnsafeRuleChangeException,
                    RuleVersionConflictException, RuleStoreUnavailableException {
        PrefixRule proposed = validator.validate(key, definition);
        return registry.register(proposed, expectedVersion, changedBy, clock.instant(), this::refuseUnsafeChange);
    }

    private void refuseUnsafeChange(Optional<RegisteredRule> current, PrefixRule proposed) {
        if (current.isEmpty()) {
            return;
        }
        if (!issued.issuedAny(proposed.key())) {
            return;
        }
        PrefixRule old = current.get().rule();
        if (old.strategy() != proposed.strategy()) {
            throw new UnsafeRuleChangeException(
                    "strategy", "the rule has issued numbers; changing its strategy could issue one of them again");
        }
        if (old.reset() != proposed.reset()) {
            throw new UnsafeRuleChangeException(
                    "reset",
                    "the rule has issued numbers; changing its reset period would start counters that can repeat them");
        }
        if (!Objects.equals(old.variables().keySet(), proposed.variables().keySet())) {
            throw new UnsafeRuleChangeException(
                    "variables",
                    "the rule has issued numbers; adding or removing variables would start counters that can repeat them");
        }
        OptionalLong highest = issued.highest(proposed.key());
        if (highest.isPresent() && proposed.maxValue() < highest.getAsLong()) {
            throw new UnsafeRuleChangeException(
                    "maxValue",
                    "maxValue " + proposed.maxValue() + " is below " + highest.getAsLong()
                            + ", a value that may already have been issued");
        }
    }
}
