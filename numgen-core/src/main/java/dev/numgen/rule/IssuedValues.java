package dev.numgen.rule;

import java.util.OptionalLong;

/**
 * What the sequence side has handed out for a rule, so rule changes that could re-issue a number can be refused. Read
 * within the registry's atomic step.
 */
public interface IssuedValues {

    /** The highest sequence value any node may have issued (reserved) for the key, if any. */
    OptionalLong highest(PrefixKey key);

    /**
     * Whether any number may have been issued for the key, by any strategy: a value was reserved or taken (see {@link
     * #highest}), or a strategy that keeps no shared counter recorded that it issues (SNOWFLAKE).
     */
    default boolean issuedAny(PrefixKey key) {
        return highest(key).isPresent();
    }
}
