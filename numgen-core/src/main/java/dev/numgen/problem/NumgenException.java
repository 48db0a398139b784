package dev.numgen.problem;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The root of every exception numgen answers a request with. Each type carries what the edge needs to answer it as an
 * RFC 9457 problem, so that the mapping is a lookup: its {@link ProblemType} ({@link AnsweredAs} on the class), the
 * detail, the properties naming the field or key at fault, when to retry and whether the answer is worth a log line.
 * Subtypes live with the feature that throws them.
 *
 * <p>Use cases declare the subtypes they can throw in their {@code throws} clauses, although they are unchecked, and
 * so do the handlers of the API's routes: the API description lists each operation's problems from those.
 */
public abstract class NumgenException extends RuntimeException {

    /** The Retry-After of a condition expected to pass soon (a busy key, a store or majority coming back). */
    protected static final long RETRY_SOON_SECONDS = 1;

    /** How the edge logs an answer: most problems are the client's to fix and are not logged. */
    public enum Logged {
        NOT,
        /** One line with the message: the node or its cluster is not well. */
        WARN,
        /** The message and the stack trace: something failed that should not have. */
        ERROR
    }

    protected NumgenException(String message) {
        super(message);
    }

    protected NumgenException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The problem this exception is answered as. */
    public final ProblemType type() {
        return typeOf(getClass());
    }

    /** The problem every exception of {@code exception}'s class is answered as. */
    public static ProblemType typeOf(Class<? extends NumgenException> exception) {
        AnsweredAs answered = exception.getAnnotation(AnsweredAs.class);
        if (answered == null) {
            throw new IllegalStateException(exception.getName() + " does not say what it is answered as (@AnsweredAs)");
        }
        return answered.value();
    }

    /**
     * The problem's {@code detail}: the message, which names what is at fault and nothing of the service's insides.
     * A type whose message does (a store's failure) answers a fixed sentence instead; the message is logged.
     */
    public String detail() {
        return getMessage();
    }

    /** The problem's own properties after the standard ones, in the order they are written: none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** The seconds a client should wait before it retries (the Retry-After header), when there is a point to it. */
    public OptionalLong retryAfter() {
        return OptionalLong.empty();
    }

    public Logged logged() {
        return Logged.NOT;
    }
}
