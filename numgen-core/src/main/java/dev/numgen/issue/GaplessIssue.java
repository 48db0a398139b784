package dev.numgen.issue;

import dev.numgen.rule.PrefixRule;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.GaplessClaim;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One GAPLESS request inside the transaction that takes its values: it renders them and writes its Idempotency-Key
 * result (when it has a key) and its register record there, so the numbers, the result and the record commit together
 * or not at all. A request whose key was answered before takes nothing and returns that answer.
 */
final class GaplessIssue implements GaplessClaim {

    private final String prefixKey;
    private final CompiledRule rule;
    private final long now;
    private final Map<String, String> variables;
    private final int count;
    private final String caller;
    private final IssuanceRegister register;
    /** Null for a request without an Idempotency-Key. */
    private final KeyReceipt receipt;

    // The outcome of the latest attempt; written by the thread that runs the transaction, read by the requester
    // after the transaction has committed (CombiningCounter hands over through a future).
    private IssuedNumbers issued;
    private boolean refused;

    GaplessIssue(
            String prefixKey,
            CompiledRule rule,
            long now,
            Map<String, String> variables,
            int count,
            String caller,
            IssuanceRegister register,
            KeyReceipt receipt) {
        this.prefixKey = prefixKey;
        this.rule = rule;
        this.now = now;
        this.variables = variables;
        this.count = count;
        this.caller = caller;
        this.register = register;
        this.receipt = receipt;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public String lockKey() {
        return receipt == null ? "" : receipt.lockKey();
    }

    @Override
    public boolean prepare() {
        issued = null;
        refused = false;
        if (receipt == null) {
            return true;
        }
        KeyLookup lookup = receipt.lookUp();
        switch (lookup.state()) {
            case FREE:
                return true;
            case ANSWERED:
                issued = lookup.answer();
                return false;
            default:
                refused = true;
                return false;
        }
    }

    @Override
    public void record(CounterKey key, PrefixRule counterRule, long[] values) {
        String[] numbers = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            numbers[i] = rule.render(now, values[i], variables);
        }
        List<String> rendered = Arrays.asList(numbers);
        issued = new IssuedNumbers(prefixKey, rendered, IssueMode.NORMAL);
        if (receipt != null) {
            receipt.record(issued);
        }
        long step = values.length > 1 ? values[1] - values[0] : counterRule.step();
        register.record(key, values[0], step, rendered, caller, receipt == null ? null : receipt.key());
    }

    /**
     * The numbers, once the take has committed: new ones, or those a replayed key received before; null when the
     * receipt's lookup refused the key (the receipt knows why).
     */
    IssuedNumbers outcome() {
        return refused ? null : issued;
    }

    /** An Idempotency-Key's part in the GAPLESS transaction that answers it (see {@link IdempotencyStore}). */
    interface KeyReceipt {

        String key();

        /** The record id the key is locked under, for lock order. */
        String lockKey();

        /** In the transaction: what the key's record says, locking the key until the transaction ends. */
        KeyLookup lookUp();

        /** In the transaction: records the numbers as the key's answer. */
        void record(IssuedNumbers issued);
    }
}
