package dev.numgen.issue;

import dev.numgen.provisional.ProvisionalRecord;

/** The provisional number was already resolved with another decision, which stands. */
public final class ResolutionRefusedException extends RuntimeException {

    public ResolutionRefusedException(ProvisionalRecord record) {
        super("provisional number " + record.issued().number() + " was already " + record.status()
                + (record.resolvedBy() == null ? "" : " by " + record.resolvedBy()));
    }
}
