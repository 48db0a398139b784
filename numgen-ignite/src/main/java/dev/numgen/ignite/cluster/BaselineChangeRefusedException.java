package dev.numgen.ignite.cluster;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;

/** A baseline change that would not be safe now; nothing was changed. */
@AnsweredAs(ProblemType.BASELINE_CHANGE_REFUSED)
public final class BaselineChangeRefusedException extends NumgenException {

    BaselineChangeRefusedException(String message) {
        super(message);
    }
}
