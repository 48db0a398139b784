package dev.numgen.rule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** Where rules live. Implementations are shared by every node and durable. */
public interface RuleRegistry {

    /**
     * @throws InvalidRuleException when the stored rule no longer passes the checks a rule is registered with
     */
    Optional<RegisteredRule> find(PrefixKey key)
            throws InvalidPrefixKeyException, InvalidRuleException, RuleStoreUnavailableException;

    /** Every rule, by prefix key. */
    List<RegisteredRule> list() throws InvalidPrefixKeyException, InvalidRuleException, RuleStoreUnavailableException;

    /**
     * Stores {@code rule} atomically: checks {@code expectedVersion} (if present) and runs {@code
     * check} against the stored rule, then writes the new version and its {@link RuleChange}, all
     * or nothing. An unchanged rule is not written again.
     */
    Registration register(
            PrefixRule rule, OptionalLong expectedVersion, String changedBy, Instant changedAt, ChangeCheck check);

    List<RuleChange> history(PrefixKey key) throws RuleStoreUnavailableException;

    /**
     * Called on this node, soon after any node registers a new version, once this registry has been used (a first
     * {@link #find}, {@link #list} or {@link #register}); versions registered before that are not told.
     */
    void onChange(Consumer<RegisteredRule> listener);

    /** Runs inside {@link #register}'s atomic step; throws to refuse the change. */
    @FunctionalInterface
    interface ChangeCheck {
        void verify(Optional<RegisteredRule> current, PrefixRule proposed);
    }
}
