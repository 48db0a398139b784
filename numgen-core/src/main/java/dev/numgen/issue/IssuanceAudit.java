package dev.numgen.issue;

import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.ResetPeriod;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.sequence.CounterKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an auditor asks of a GAPLESS rule: every number of a counter with the request that took it or its void, and
 * whether the counter is complete (every value from its first to its highest issued or voided). A value with no record
 * is voided only by a void of its sequence in a rule with one counter; in a rule with more, a void names a number,
 * which a value nobody recorded does not have.
 */
public final class IssuanceAudit {

    public static final int MAX_PAGE = 1000;
    public static final int MAX_MISSING_LISTED = 1000;
    private static final int RECORDS_PER_READ = 256;

    private final RuleRegistry rules;
    private final IssuanceRegister register;
    private final VoidLedger voids;

    public IssuanceAudit(RuleRegistry rules, IssuanceRegister register, VoidLedger voids) {
        this.rules = rules;
        this.register = register;
        this.voids = voids;
    }

    /**
     * The values {@code from}..{@code to} of the counter, at most {@code limit} of them.
     *
     * @param counter the counter's qualifier, {@code ""} for a rule with one counter (see {@link #check})
     * @throws InvalidIssueRequestException when the range or limit is invalid or the rule is not GAPLESS
     */
    public RegisterPage page(String prefixKey, String counter, long from, long to, int limit)
            throws InvalidIssueRequestException, InvalidPrefixKeyException, UnknownPrefixException,
                    InvalidRuleException, RuleStoreUnavailableException {
        if (from < 0) {
            throw new InvalidIssueRequestException("from", "from must be 0 or more");
        }
        if (to < from) {
            throw new InvalidIssueRequestException("to", "to must be from or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidIssueRequestException("limit", "limit must be 1.." + MAX_PAGE);
        }
        PrefixRule rule = gaplessRule(prefixKey);
        Voids known = new Voids(rule, voids.list(prefixKey));
        CounterKey key = new CounterKey(prefixKey, counter);
        List<RegisterPage.Entry> entries = new ArrayList<>();
        Long previous = null; // the last value of the record before, null before the first
        long readFrom = from;
        int perRead = Math.min(RECORDS_PER_READ, limit + 1);
        while (true) {
            // A page of a few values reads a few records: each may hold a thousand numbers.
            List<RegisterRecord> records = register.records(key, readFrom, perRead);
            for (RegisterRecord record : records) {
                if (previous != null && record.first() <= previous) {
                    continue; // read again as the one starting at or before readFrom
                }
                long expected = previous == null
                        ? (record.first() <= from ? record.first() : Math.min(rule.start(), record.first()))
                        : firstAfter(previous, record);
                for (long value = alignedFrom(expected, record.step(), from);
                        value < record.first() && value <= to;
                        value = stepTowards(value, record.step(), record.first())) {
                    if (entries.size() == limit) {
                        return new RegisterPage(prefixKey, counter, from, to, entries, value);
                    }
                    entries.add(known.missing(value));
                }
                for (int i = 0; i < record.numbers().size(); i++) {
                    long value = record.valueAt(i);
                    if (value < from) {
                        continue;
                    }
                    if (value > to) {
                        return new RegisterPage(prefixKey, counter, from, to, entries, null);
                    }
                    if (entries.size() == limit) {
                        return new RegisterPage(prefixKey, counter, from, to, entries, value);
                    }
                    entries.add(known.issued(record, i));
                }
                previous = record.last();
            }
            if (records.size() < perRead) {
                return new RegisterPage(prefixKey, counter, from, to, entries, null);
            }
            readFrom = previous;
        }
    }

    /** Each counter of the rule that holds records, checked from its first record on. */
    public RegisterCheck check(String prefixKey)
            throws InvalidIssueRequestException, InvalidPrefixKeyException, UnknownPrefixException,
                    InvalidRuleException, RuleStoreUnavailableException {
        PrefixRule rule = gaplessRule(prefixKey);
        Voids known = new Voids(rule, voids.list(prefixKey));
        List<RegisterCheck.Counter> counters = new ArrayList<>();
        for (CounterKey key : register.counters(prefixKey)) {
            counters.add(check(rule, known, key));
        }
        return new RegisterCheck(
                prefixKey, counters.stream().allMatch(RegisterCheck.Counter::complete), List.copyOf(counters));
    }

    private RegisterCheck.Counter check(PrefixRule rule, Voids known, CounterKey key) {
        long records = 0;
        long issued = 0;
        long voided = 0;
        long missingCount = 0;
        List<Long> missing = new ArrayList<>();
        Long previous = null; // the last value of the record before, null before the first
        Long first = null;
        long readFrom = 0;
        while (true) {
            List<RegisterRecord> read = register.records(key, readFrom, RECORDS_PER_READ);
            for (RegisterRecord record : read) {
                if (previous != null && record.first() <= previous) {
                    continue;
                }
                long expected;
                if (previous == null) {
                    expected = Math.min(rule.start(), record.first());
                    first = expected;
                } else {
                    expected = firstAfter(previous, record);
                }
                if (expected < record.first()) {
                    long gap = (record.first() - expected - 1) / record.step() + 1;
                    long voidedInGap = known.voidedSequences(expected, record.first(), record.step());
                    voided += voidedInGap;
                    missingCount += gap - voidedInGap;
                    for (long value = expected;
                            value < record.first() && missing.size() < MAX_MISSING_LISTED;
                            value = stepTowards(value, record.step(), record.first())) {
                        if (!known.voidsSequence(value)) {
                            missing.add(value);
                        }
                    }
                }
                records++;
                for (String number : record.numbers()) {
                    if (known.voidsNumber(number)) {
                        voided++;
                    } else {
                        issued++;
                    }
                }
                previous = record.last();
            }
            if (read.size() < RECORDS_PER_READ) {
                break;
            }
            readFrom = previous;
        }
        long highest = previous == null ? 0 : previous;
        return new RegisterCheck.Counter(
                key.qualifier(),
                first == null ? 0 : first,
                highest,
                records,
                issued,
                voided,
                missingCount,
                List.copyOf(missing),
                missingCount == 0);
    }

    private PrefixRule gaplessRule(String prefixKey) {
        PrefixRule rule = rules.find(new PrefixKey(prefixKey))
                .map(RegisteredRule::rule)
                .orElseThrow(() -> new UnknownPrefixException(prefixKey));
        if (rule.strategy() != Strategy.GAPLESS) {
            throw new InvalidIssueRequestException(
                    "prefixKey", "only GAPLESS rules keep a register; " + prefixKey + " is " + rule.strategy());
        }
        return rule;
    }

    /**
     * Where {@code record} would start had nothing been taken between it and the value {@code previous} before it: a
     * take moves on from the counter's last value by the step of the rule it reads, which is the record's step, not
     * necessarily that of the record before (the rule's step may have changed). Never past {@code record.first()}, so
     * never by overflow.
     */
    private static long firstAfter(long previous, RegisterRecord record) {
        return record.first() - previous <= record.step() ? record.first() : previous + record.step();
    }

    /** {@code value + step}, or {@code bound} when that is not below it (so a loop up to {@code bound} never wraps). */
    private static long stepTowards(long value, long step, long bound) {
        return bound - value <= step ? bound : value + step;
    }

    /**
     * The first value of {@code expected}, {@code expected + step}, ... that is not below {@code from}, or {@code
     * Long.MAX_VALUE} when that is past the range of a long (no value of the counter can be; {@code from} is the
     * caller's and may be close to it).
     */
    private static long alignedFrom(long expected, long step, long from) {
        if (expected >= from) {
            return expected;
        }
        long distance = from - expected; // values are 0 or more, so this cannot overflow
        long steps = distance / step + (distance % step == 0 ? 0 : 1);
        try {
            return Math.addExact(expected, Math.multiplyExact(steps, step));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A prefix's voids, by number and (for a rule with one counter) by sequence. */
    private static final class Voids {
        private final Map<String, VoidedNumber> byNumber = new HashMap<>();
        private final Map<Long, VoidedNumber> bySequence = new HashMap<>();

        Voids(PrefixRule rule, List<VoidedNumber> voids) {
            boolean oneCounter =
                    rule.reset() == ResetPeriod.NEVER && rule.variables().isEmpty();
            for (VoidedNumber voided : voids) {
                byNumber.put(voided.number(), voided);
                if (oneCounter) {
                    bySequence.put(voided.sequence(), voided);
                }
            }
        }

        boolean voidsNumber(String number) {
            return byNumber.containsKey(number);
        }

        boolean voidsSequence(long value) {
            return bySequence.containsKey(value);
        }

        /** How many of the values {@code from}, {@code from + step}, ... below {@code to} are voided by sequence. */
        long voidedSequences(long from, long to, long step) {
            return bySequence.keySet().stream()
                    .filter(value -> value >= from && value < to && (value - from) % step == 0)
                    .count();
        }

        RegisterPage.Entry issued(RegisterRecord record, int index) {
            String number = record.numbers().get(index);
            VoidedNumber voided = byNumber.get(number);
            return new RegisterPage.Entry(
                    record.valueAt(index),
                    number,
                    voided == null ? RegisterPage.State.ISSUED : RegisterPage.State.VOIDED,
                    RegisterPage.Issued.of(record),
                    voided);
        }

        RegisterPage.Entry missing(long value) {
            VoidedNumber voided = bySequence.get(value);
            return voided == null
                    ? new RegisterPage.Entry(value, null, RegisterPage.State.MISSING, null, null)
                    : new RegisterPage.Entry(value, voided.number(), RegisterPage.State.VOIDED, null, voided);
        }
    }
}
