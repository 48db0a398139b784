package dev.numgen.issue;

import dev.numgen.provisional.ProvisionalRecord;
import dev.numgen.provisional.ProvisionalRegistry;
import dev.numgen.provisional.ProvisionalStatus;
import dev.numgen.provisional.ProvisionalStoreUnavailableException;
import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.sequence.CounterExhaustedException;
import dev.numgen.sequence.SequenceUnavailableException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Resolves a synced provisional number, as a person decides: confirm it (it stays the business number) or replace it
 * with a regular number of the same rule and variables. Who and when are recorded. A number is resolved once; asking
 * again with the same decision returns the recorded resolution, a different decision is refused.
 */
public final class ProvisionalResolver {

    public enum Action {
        CONFIRM,
        REPLACE
    }

    private final ProvisionalRegistry registry;
    private final NumberIssuer issuer;
    private final Clock clock;

    public ProvisionalResolver(ProvisionalRegistry registry, NumberIssuer issuer, Clock clock) {
        this.registry = registry;
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * @throws UnknownProvisionalNumberException when the cluster holds no such provisional number (yet)
     * @throws ResolutionRefusedException when it was already resolved differently
     * @throws NoMajorityException when a replacement cannot be issued as a regular number here
     * @throws CounterExhaustedException when the replacement's counter is spent (and the others {@link
     *     NumberIssuer#issue(String, int, Map)} throws for it)
     */
    public ProvisionalRecord resolve(String number, Action action, String resolvedBy, String note)
            throws UnknownProvisionalNumberException, ResolutionRefusedException, NoMajorityException,
                    ProvisionalStoreUnavailableException, InvalidIssueRequestException, InvalidPrefixKeyException,
                    UnknownPrefixException, InvalidRuleException, CounterExhaustedException,
                    SequenceUnavailableException, RuleStoreUnavailableException, ProvisionalJournalException {
        ProvisionalRecord current =
                registry.find(number).orElseThrow(() -> new UnknownProvisionalNumberException(number));
        if (current.status() != ProvisionalStatus.PENDING) {
            return alreadyResolved(current, action);
        }
        String replacement = action == Action.REPLACE ? regularNumberFor(current) : null;
        ProvisionalStatus outcome = action == Action.CONFIRM ? ProvisionalStatus.CONFIRMED : ProvisionalStatus.REPLACED;
        long now = clock.millis();
        AtomicBoolean applied = new AtomicBoolean();
        ProvisionalRecord stored = registry.update(number, record -> {
                    // Someone else may have resolved it since the read: their decision stands (an unused replacement
                    // is a SEGMENT gap, which G3 allows).
                    applied.set(record.status() == ProvisionalStatus.PENDING);
                    return applied.get() ? record.resolved(outcome, replacement, resolvedBy, now, note) : record;
                })
                .orElseThrow(() -> new UnknownProvisionalNumberException(number));
        return applied.get() ? stored : alreadyResolved(stored, action);
    }

    private String regularNumberFor(ProvisionalRecord record) {
        Map<String, String> variables = record.issued().variables();
        IssuedNumbers issued = issuer.issue(record.issued().prefixKey(), 1, variables);
        if (issued.mode() != IssueMode.NORMAL) {
            // The node fell out of the majority meanwhile: the provisional number it just wrote is journaled and will
            // be synced like any other; no regular number can replace this one now.
            throw NoMajorityException.forRule(record.issued().prefixKey());
        }
        return issued.numbers().get(0);
    }

    private static ProvisionalRecord alreadyResolved(ProvisionalRecord record, Action action) {
        boolean same = (action == Action.CONFIRM && record.status() == ProvisionalStatus.CONFIRMED)
                || (action == Action.REPLACE && record.status() == ProvisionalStatus.REPLACED);
        if (!same) {
            throw new ResolutionRefusedException(record);
        }
        return record;
    }
}
