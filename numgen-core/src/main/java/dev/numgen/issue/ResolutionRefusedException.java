package dev.numgen.issue;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import dev.numgen.provisional.ProvisionalRecord;

/** The provisional number was already resolved with another decision, which stands. */
@AnsweredAs(ProblemType.RESOLUTION_REFUSED)
public final class ResolutionRefusedException extends NumgenException {

    public ResolutionRefusedException(ProvisionalRecord record) {
        super("provisional number " + record.issued().number() + " was already " + record.status()
                + (record.resolvedBy() == null ? "" : " by " + record.resolvedBy()));
    }
}
