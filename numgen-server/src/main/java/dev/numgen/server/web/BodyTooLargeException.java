package dev.numgen.server.web;

import dev.numgen.problem.AnsweredAs;
import dev.numgen.problem.NumgenException;
import dev.numgen.problem.ProblemType;

/**
 * A body sent without a length that ran past {@link RequestGuard#MAX_BODY_BYTES} while it was read; unchecked, so that
 * it passes through the JSON reader unchanged and is answered 413 like a body whose length said so.
 */
@AnsweredAs(ProblemType.PAYLOAD_TOO_LARGE)
final class BodyTooLargeException extends NumgenException {

    BodyTooLargeException() {
        super(RequestGuard.BODY_TOO_LARGE);
    }
}
