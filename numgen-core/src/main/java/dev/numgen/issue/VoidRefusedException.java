package dev.numgen.issue;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;

/** A void was refused: the number is not a GAPLESS number this service issued, or is voided already. */
@AnsweredAs(ProblemType.VOID_REFUSED)
public final class VoidRefusedException extends NumgenException {

    public VoidRefusedException(String reason) {
        super(reason);
    }
}
