package dev.numgen.issue;

import dev.numgen.sequence.CounterKey;
import java.time.Instant;
import java.util.List;

/**
 * One committed GAPLESS request in the issuance register: the counter, its values ({@code first}, then every {@code
 * step}, one per number), the numbers as rendered, who took them (the token subject), the Idempotency-Key if the
 * request carried one (else null), the node that committed it and when.
 */
public record RegisterRecord(
        CounterKey counter,
        long first,
        long step,
        List<String> numbers,
        String subject,
        String idempotencyKey,
        String node,
        Instant committedAt) {

    public RegisterRecord {
        numbers = List.copyOf(numbers);
    }

    /** The last value the request took. */
    public long last() {
        return first + (numbers.size() - 1) * step;
    }

    /** The value of the {@code index}th number. */
    public long valueAt(int index) {
        return first + index * step;
    }
}
