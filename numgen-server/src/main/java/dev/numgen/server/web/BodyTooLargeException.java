package dev.numgen.server.web;

/**
 * A body sent without a length that ran past {@link RequestGuard#MAX_BODY_BYTES} while it was read; unchecked, so that
 * it passes through the JSON reader unchanged and is answered 413 like a body whose length said so.
 */
final class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException() {
        super(RequestGuard.BODY_TOO_LARGE);
    }
}
