package dev.numgen.issue;

import java.io.UncheckedIOException;

/** Provisional numbers were needed but could not be made durable on this node, so none was issued. */
public final class ProvisionalJournalException extends RuntimeException {

    ProvisionalJournalException(UncheckedIOException cause) {
        super("the provisional journal cannot be written: " + cause.getMessage(), cause);
    }
}
