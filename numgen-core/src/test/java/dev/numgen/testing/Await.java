package dev.numgen.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits in a test for what happens on another thread, node or process: polls until it holds, or fails once a generous
 * deadline has passed, saying what was awaited and what was seen last. Tests wait with this instead of sleeping for a
 * guessed time, and never spin without a deadline.
 *
 * <p>The deadline only turns a hang into a failure: something that takes milliseconds is still given {@link #PATIENCE},
 * so that a loaded machine makes a test slower, not red. How long things take is for the benchmarks to say.
 *
 * <p>A supplier or condition that throws ends the wait at once with its exception; one that must ride out errors (a
 * node that is restarting) catches them itself and returns what it saw.
 */
public final class Await {

    /** How long a wait allows unless the caller says otherwise. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private Await() {}

    /** Waits up to {@link #PATIENCE} until {@code condition} holds; {@code what} names it in the failure. */
    public static void until(String what, BooleanSupplier condition) {
        until(PATIENCE, what, condition);
    }

    /** Waits up to {@code patience} until {@code condition} holds. */
    public static void until(Duration patience, String what, BooleanSupplier condition) {
        Objects.requireNonNull(condition, "condition");
        until(patience, what, condition::getAsBoolean, Boolean::booleanValue);
    }

    /**
     * Reads {@code value} until {@code accepted} holds for what it returns, up to {@link #PATIENCE}, and returns that
     * value; the failure shows the last value read.
     */
    public static <T> T until(String what, Supplier<T> value, Predicate<? super T> accepted) {
        return until(PATIENCE, what, value, accepted);
    }

    /** Reads {@code value} until {@code accepted} holds for it, up to {@code patience}, and returns that value. */
    public static <T> T until(Duration patience, String what, Supplier<T> value, Predicate<? super T> accepted) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            T seen = value.get();
            if (accepted.test(seen)) {
                return seen;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Waited " + describe(patience) + " for " + what + "; last seen: " + seen);
            }
            pause(Math.min(pause, left), what);
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }

    /**
     * Waits up to {@link #PATIENCE} for {@code latch} to open (count down to zero), e.g. a held server thread waiting
     * for the test to let it go.
     */
    public static void opened(String what, CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("Waited " + describe(PATIENCE) + " for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + what, e);
        }
    }

    /**
     * The result of work running on another thread, waiting up to {@link #PATIENCE} for it. An assertion or exception
     * the work failed with is rethrown as it is; work still running at the deadline is cancelled and fails the wait.
     */
    public static <T> T result(String what, Future<T> work) {
        return result(PATIENCE, what, work);
    }

    /** The result of work running on another thread, waiting up to {@code patience} for it. */
    public static <T> T result(Duration patience, String what, Future<T> work) {
        try {
            return work.get(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            throw new AssertionError("Waited " + describe(patience) + " for " + what + "; it was still running", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new AssertionError(what + " failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + what, e);
        }
    }

    private static void pause(long nanos, String what) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + what, e);
        }
    }

    private static String describe(Duration patience) {
        return patience.toMillis() % 1000 == 0 ? patience.toSeconds() + " s" : patience.toMillis() + " ms";
    }
}
