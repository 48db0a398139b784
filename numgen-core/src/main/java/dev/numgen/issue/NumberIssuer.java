package dev.numgen.issue;

import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.sequence.ClaimingCounter;
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
    /** Null for an issuer without provisional numbers ({@link #regularOnly}). */
    private final ProvisionalIssuer provisional;

    private final IssuanceRegister register;
    /** Null when clients have no quotas. */
    private final ClientQuotas quotas;

    /** An issuer whose clients have no quotas. */
    public NumberIssuer(
            RuleRegistry registry,
            Map<Strategy, SequenceStrategy> strategies,
            IssuanceRegister register,
            Clock clock,
            ClusterStanding standing,
            ProvisionalIssuer provisional) {
        this(registry, strategies, register, clock, standing, provisional, null);
    }

    /**
     * An issuer that never issues a provisional number, for a node that keeps no journal (a client node): where a
     * server would fall back to provisional numbers it fails, with {@link NoMajorityException} when {@code standing}
     * says it may not use the shared counters, with {@link SequenceUnavailableException} when a SEGMENT counter's
     * reserved range is spent and no new one can be reserved. Its clients have no quotas.
     */
    public static NumberIssuer regularOnly(
            RuleRegistry registry,
            Map<Strategy, SequenceStrategy> strategies,
            IssuanceRegister register,
            Clock clock,
            ClusterStanding standing) {
        return new NumberIssuer(registry, strategies, register, clock, standing, null, null);
    }

    /**
     * @param strategies the sequence strategy serving each rule strategy
     * @param register where GAPLESS requests are recorded, in the transaction that takes their values
     * @param standing whether this node may use the shared counters
     * @param provisional issues SEGMENT numbers when it may not; null: none, as {@link #regularOnly}
     * @param quotas what each client may take of each rule
     */
    public NumberIssuer(
            RuleRegistry registry,
            Map<Strategy, SequenceStrategy> strategies,
            IssuanceRegister register,
            Clock clock,
            ClusterStanding standing,
            ProvisionalIssuer provisional,
            ClientQuotas quotas) {
        this.rules = new CompiledRules(registry, strategies);
        this.register = register;
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
        return issue(take(caller, prefixKey, count, variables), null);
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

    /**
     * Issues a taken request; when that fails, its quota is given back.
     *
     * @param receipt for a GAPLESS request with an Idempotency-Key: the key's part in the take's transaction, else null
     */
    IssuedNumbers issue(Taken taken, GaplessIssue.KeyReceipt receipt) {
        try {
            return issue(taken.caller(), taken.prefixKey(), taken.rule(), taken.variables(), taken.count(), receipt);
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
     * SEGMENT rule gets provisional numbers; other strategies are refused. GAPLESS numbers are recorded in the
     * register without a subject (see {@link #issue(String, String, int, Map)} for a caller's).
     */
    public IssuedNumbers issue(String prefixKey, int count, Map<String, String> variables)
            throws InvalidIssueRequestException, InvalidPrefixKeyException, UnknownPrefixException,
                    InvalidRuleException, CounterExhaustedException, NoMajorityException, SequenceUnavailableException,
                    RuleStoreUnavailableException, ProvisionalJournalException {
        checkCount(count);
        CompiledRule rule = rules.get(prefixKey);
        return issue(null, prefixKey, rule, rule.checkVariables(variables), count, null);
    }

    private static void checkCount(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidIssueRequestException("count", "count must be 1.." + MAX_COUNT);
        }
    }

    private IssuedNumbers issue(
            String caller,
            String prefixKey,
            CompiledRule rule,
            Map<String, String> checked,
            int count,
            GaplessIssue.KeyReceipt receipt) {
        long now = clock.millis();
        Strategy strategy = rule.rule().strategy();
        boolean segment = strategy == Strategy.SEGMENT;
        if (standing.inMajority()) {
            try {
                return strategy == Strategy.GAPLESS
                        ? gapless(caller, prefixKey, rule, now, checked, count, receipt)
                        : regular(prefixKey, rule, now, checked, count);
            } catch (SequenceUnavailableException e) {
                if (!segment || provisional == null) {
                    throw e;
                }
            }
        } else if (!segment) {
            throw NoMajorityException.forRule(prefixKey);
        } else if (provisional == null) {
            throw NoMajorityException.withoutProvisionalNumbers(prefixKey);
        }
        return provisional.issue(rule, now, checked, count);
    }

    /** GAPLESS: the numbers, their register record and the key's result commit in one transaction. */
    private IssuedNumbers gapless(
            String caller,
            String prefixKey,
            CompiledRule rule,
            long now,
            Map<String, String> checked,
            int count,
            GaplessIssue.KeyReceipt receipt) {
        if (!(rule.counter(now, checked) instanceof ClaimingCounter counter)) {
            throw new IllegalStateException("the GAPLESS strategy of " + prefixKey + " takes no claims");
        }
        GaplessIssue issue = new GaplessIssue(prefixKey, rule, now, checked, count, caller, register, receipt);
        counter.take(issue);
        return issue.outcome();
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
