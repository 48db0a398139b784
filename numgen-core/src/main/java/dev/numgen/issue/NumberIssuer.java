package dev.numgen.issue;

import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.sequence.ClusterStanding;
import dev.numgen.sequence.Counter;
import dev.numgen.sequence.CounterExhaustedException;
import dev.numgen.sequence.SequenceStrategy;
import dev.numgen.sequence.SequenceUnavailableException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Issues numbers for a prefix key: the use case behind {@code GET /api/numbers}. */
public final class NumberIssuer {

    public static final int MAX_COUNT = 1000;

    private final CompiledRules rules;
    private final Clock clock;
    private final ClusterStanding standing;
    private final ProvisionalIssuer provisional;
    /** Null when clients have no quotas. */
    private final ClientQuotas quotas;

    /** An issuer whose clients have no quotas. */
    public NumberIssuer(
            RuleRegistry registry,
            Map<Strategy, SequenceStrategy> strategies,
            Clock clock,
            ClusterStanding standing,
            ProvisionalIssuer provisional) {
        this(registry, strategies, clock, standing, provisional, null);
    }

    /**
     * @param strategies the sequence strategy serving each rule strategy
     * @param standing whether this node may use the shared counters
     * @param provisional issues SEGMENT numbers when it may not
     * @param quotas what each client may take of each rule
     */
    public NumberIssuer(
            RuleRegistry registry,
            Map<Strategy, SequenceStrategy> strategies,
            Clock clock,
            ClusterStanding standing,
            ProvisionalIssuer provisional,
            ClientQuotas quotas) {
        this.rules = new CompiledRules(registry, strategies);
        this.clock = clock;
        this.standing = standing;
        this.provisional = provisional;
        this.quotas = quotas;
    }

    /**
     * As {@link #issue(String, int, Map)} for a client (a token subject), within its quota for the rule: a request
     * beyond it is refused with {@link QuotaExceededException} before anything is issued, and a request that fails
     * gives back what it took.
     */
    public IssuedNumbers issue(String caller, String prefixKey, int count, Map<String, String> variables)
            throws InvalidIssueRequestException, InvalidPrefixKeyException, UnknownPrefixException,
                    InvalidRuleException, QuotaExceededException, CounterExhaustedException, NoMajorityException,
                    SequenceUnavailableException, RuleStoreUnavailableException, ProvisionalJournalException {
        if (quotas == null) {
            return issue(prefixKey, count, variables);
        }
        return issue(take(caller, prefixKey, count, variables));
    }

    /**
     * A request checked against its rule and holding its share of the caller's quota: {@link #issue(Taken)} it or
     * {@link #giveBack(Taken)} it.
     */
    record Taken(String caller, String prefixKey, CompiledRule rule, Map<String, String> variables, int count) {}

    /**
     * Checks {@code count}, the rule and the variables, and takes {@code count} from the caller's quota; nothing is
     * issued yet.
     *
     * @throws InvalidIssueRequestException when a parameter is invalid
     * @throws QuotaExceededException when the caller's quota has too little left
     */
    Taken take(String caller, String prefixKey, int count, Map<String, String> variables) {
        checkCount(count);
        CompiledRule rule = rules.get(prefixKey);
        Map<String, String> checked = rule.checkVariables(variables);
        if (quotas != null) {
            quotas.take(caller, rule.rule(), count);
        }
        return new Taken(caller, prefixKey, rule, checked, count);
    }

    /** Issues a taken request; when that fails, its quota is given back. */
    IssuedNumbers issue(Taken taken) {
        try {
            return issue(taken.prefixKey(), taken.rule(), taken.variables(), taken.count());
        } catch (RuntimeException e) {
            giveBack(taken);
            throw e;
        }
    }

    /** Whether this node may use the cluster's shared stores now (the standing regular numbers need). */
    boolean inMajority() {
        return standing.inMajority();
    }

    /** Gives back the quota of a taken request that will not be issued. */
    void giveBack(Taken taken) {
        if (quotas != null) {
            quotas.giveBack(taken.caller(), taken.rule().rule(), taken.count());
        }
    }

    /**
     * Issues {@code count} numbers in increasing sequence order. Either all are issued or, on any
     * error, none is returned.
     *
     * <p>Regular numbers only come from a node in the majority of the cluster. Otherwise, and when
     * a SEGMENT counter's reserved range is spent while the cluster store cannot be reached, a
     * SEGMENT rule gets provisional numbers; other strategies are refused.
     */
    public IssuedNumbers issue(String prefixKey, int count, Map<String, String> variables)
            throws InvalidIssueRequestException, InvalidPrefixKeyException, UnknownPrefixException,
                    InvalidRuleException, CounterExhaustedException, NoMajorityException, SequenceUnavailableException,
                    RuleStoreUnavailableException, ProvisionalJournalException {
        checkCount(count);
        CompiledRule rule = rules.get(prefixKey);
        return issue(prefixKey, rule, rule.checkVariables(variables), count);
    }

    private static void checkCount(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidIssueRequestException("count", "count must be 1.." + MAX_COUNT);
        }
    }

    private IssuedNumbers issue(String prefixKey, CompiledRule rule, Map<String, String> checked, int count) {
        long now = clock.millis();
        boolean segment = rule.rule().strategy() == Strategy.SEGMENT;
        if (standing.inMajority()) {
            try {
                return regular(prefixKey, rule, now, checked, count);
            } catch (SequenceUnavailableException e) {
                if (!segment) {
                    throw e;
                }
            }
        } else if (!segment) {
            throw NoMajorityException.forRule(prefixKey);
        }
        return provisional.issue(rule, now, checked, count);
    }

    private static IssuedNumbers regular(
            String prefixKey, CompiledRule rule, long now, Map<String, String> checked, int count) {
        Counter counter = rule.counter(now, checked);
        if (count == 1) {
            String number = rule.render(now, counter.next(), checked);
            return new IssuedNumbers(prefixKey, List.of(number), IssueMode.NORMAL);
        }
        long[] values = counter.next(count);
        String[] numbers = new String[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = rule.render(now, values[i], checked);
        }
        return new IssuedNumbers(prefixKey, Arrays.asList(numbers), IssueMode.NORMAL);
    }
}
