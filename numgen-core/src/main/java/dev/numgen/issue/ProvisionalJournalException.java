package dev.numgen.issue;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/** Provisional numbers were needed but could not be made durable on this node, so none was issued. */
@AnsweredAs(ProblemType.STORAGE_UNAVAILABLE)
public final class ProvisionalJournalException extends NumgenException {

    ProvisionalJournalException(UncheckedIOException cause) {
        super("the provisional journal cannot be written: " + cause.getMessage(), cause);
    }

    /** The message names the journal's file; the client learns only that nothing was issued. */
    @Override
    public String detail() {
        return "this node can neither reach the cluster nor record provisional numbers; nothing was issued";
    }

    @Override
    public OptionalLong retryAfter() {
        return OptionalLong.of(RETRY_SOON_SECONDS);
    }

    /** A node that cannot write its own disk needs an operator. */
    @Override
    public Logged logged() {
        return Logged.ERROR;
    }
}
