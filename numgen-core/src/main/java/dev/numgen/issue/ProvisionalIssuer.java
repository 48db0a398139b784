package dev.numgen.issue;

import dev.numgen.provisional.ProvisionalJournal;
import dev.numgen.provisional.ProvisionalNumber;
import dev.numgen.provisional.ProvisionalSlot;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issues provisional numbers when this node may not use the shared counters: each number's sequence is replaced by
 * {@link ProvisionalSlot} with a value from this node's local clock, and every number is in the journal on disk before
 * it is returned.
 *
 * <p>Values are microseconds of the local clock, kept strictly above every value in the journal, so a clock that is
 * set back (or a restart) never repeats one.
 */
public final class ProvisionalIssuer {

    private final ProvisionalJournal journal;
    private final String nodeTag;
    private long lastValue; // guarded by this

    public ProvisionalIssuer(ProvisionalJournal journal, String nodeTag) {
        this.journal = journal;
        this.nodeTag = ProvisionalSlot.checkNodeTag(nodeTag);
        this.lastValue = journal.highestValue();
    }

    synchronized IssuedNumbers issue(CompiledRule rule, long epochMilli, Map<String, String> variables, int count) {
        long first = Math.max(lastValue + 1, TimeUnit.MILLISECONDS.toMicros(epochMilli));
        // Taken before the write: a value whose write failed may be on disk, so it is never used again.
        lastValue = first + count - 1;
        List<ProvisionalNumber> entries = new ArrayList<>(count);
        List<String> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long value = first + i;
            String number = rule.renderProvisional(epochMilli, ProvisionalSlot.of(nodeTag, value), variables);
            entries.add(new ProvisionalNumber(
                    number, rule.rule().key().value(), rule.version(), variables, epochMilli, nodeTag, value));
            numbers.add(number);
        }
        try {
            journal.append(entries);
        } catch (UncheckedIOException e) {
            throw new ProvisionalJournalException(e);
        }
        return new IssuedNumbers(rule.rule().key().value(), List.copyOf(numbers), IssueMode.PROVISIONAL);
    }
}
