package dev.numgen.issue;

import dev.numgen.format.NumberTemplate;
import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.UnknownPrefixException;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * Voids GAPLESS numbers (G3: a number a caller cannot use is voided, never silently dropped).
 * Only a number that the rule's format can render and whose value has been issued can be
 * voided, once, with a reason; the void records who and when.
 */
public final class NumberVoider {

    static final int MAX_REASON_LENGTH = 500;

    private final RuleRegistry rules;
    private final IssuedValues issued;
    private final VoidLedger ledger;
    private final Clock clock;

    public NumberVoider(RuleRegistry rules, IssuedValues issued, VoidLedger ledger, Clock clock) {
        this.rules = rules;
        this.issued = issued;
        this.ledger = ledger;
        this.clock = clock;
    }

    public VoidedNumber voidNumber(String prefixKey, String number, String reason, String caller)
            throws InvalidIssueRequestException, InvalidPrefixKeyException, UnknownPrefixException,
                    InvalidRuleException, VoidRefusedException, RuleStoreUnavailableException {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidIssueRequestException(
                    "reason", "a reason of 1.." + MAX_REASON_LENGTH + " characters is required");
        }
        PrefixKey key = new PrefixKey(prefixKey);
        PrefixRule rule =
                rules.find(key).map(RegisteredRule::rule).orElseThrow(() -> new UnknownPrefixException(prefixKey));
        if (rule.strategy() != Strategy.GAPLESS) {
            throw new VoidRefusedException("only GAPLESS numbers are voided; " + prefixKey + " is " + rule.strategy());
        }
        OptionalLong sequence = NumberTemplate.parse(rule.format()).sequenceOf(number);
        if (sequence.isEmpty()) {
            throw new InvalidIssueRequestException("number", number + " is not a number of format " + rule.format());
        }
        OptionalLong highest = issued.highest(key);
        if (highest.isEmpty() || sequence.getAsLong() > highest.getAsLong()) {
            throw new VoidRefusedException(number + " has not been issued");
        }
        VoidedNumber voided =
                new VoidedNumber(prefixKey, number, sequence.getAsLong(), reason, caller, clock.instant());
        if (!ledger.add(voided)) {
            throw new VoidRefusedException(number + " is already voided");
        }
        return voided;
    }

    public List<VoidedNumber> voids(String prefixKey)
            throws InvalidPrefixKeyException, UnknownPrefixException, InvalidRuleException,
                    RuleStoreUnavailableException {
        PrefixKey key = new PrefixKey(prefixKey);
        rules.find(key).orElseThrow(() -> new UnknownPrefixException(prefixKey));
        return ledger.list(prefixKey);
    }
}
