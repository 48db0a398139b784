package dev.numgen.provisional;

import java.util.Objects;

/**
 * A provisional number as the cluster holds it, with its resolution once a person has made one.
 *
 * @param replacement the regular number that replaced it (status REPLACED), else null
 * @param resolvedBy who resolved it (the token's subject), else null
 * @param resolvedAt epoch milliseconds of the resolution, else 0
 * @param note the resolver's note, may be null
 */
public record ProvisionalRecord(
        ProvisionalNumber issued,
        ProvisionalStatus status,
        String replacement,
        String resolvedBy,
        long resolvedAt,
        String note) {

    public ProvisionalRecord {
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(status, "status");
    }

    public static ProvisionalRecord pending(ProvisionalNumber issued) {
        return new ProvisionalRecord(issued, ProvisionalStatus.PENDING, null, null, 0, null);
    }

    public ProvisionalRecord resolved(
            ProvisionalStatus outcome, String replacementNumber, String by, long at, String resolutionNote) {
        return new ProvisionalRecord(issued, outcome, replacementNumber, by, at, resolutionNote);
    }
}
