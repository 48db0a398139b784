package dev.numgen.issue;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;

/** The cluster holds no provisional number like this (a node's journal may not have been synced yet). */
@AnsweredAs(ProblemType.NOT_FOUND)
public final class UnknownProvisionalNumberException extends NumgenException {

    public UnknownProvisionalNumberException(String number) {
        super("no provisional number " + number + " is known to the cluster; a node cut off from it syncs its"
                + " journal once it is back in the majority");
    }
}
