package dev.numgen.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a property over many generated inputs: 250,000 per property, or 2,500,000 with {@code -Dfuzz.full=true}.
 * Inputs come from a {@link SplittableRandom} seeded from {@code -Dfuzz.seed} (a new seed each run otherwise), so a
 * failure names the seed that repeats the run; the first failing input is then made smaller while it keeps failing, and
 * reported with the failure.
 *
 * <p>Inputs run in batches of 10,000, each inside one generous time bound: a hang fails the property, a slow machine
 * does not, and no thread is started per input. Generation is a few calls on the random source per input, so a
 * property of 250,000 inputs takes seconds.
 */
public final class Fuzzer {

    public static final int INPUTS = Boolean.getBoolean("fuzz.full") ? 2_500_000 : 250_000;
    private static final int BATCH = 10_000;
    private static final Duration BATCH_TIME_BOUND = Duration.ofMinutes(2);
    private static final int MAX_SHRINK_STEPS = 2_000;

    private Fuzzer() {}

    /**
     * @param check throws (an assertion or anything else) when the property does not hold for an input
     * @param simpler candidate inputs smaller than the one given, tried in order while shrinking a failure
     */
    public static <T> void run(
            String property, Function<SplittableRandom, T> generator, Consumer<T> check, Function<T, List<T>> simpler) {
        long seed = Long.getLong("fuzz.seed", new SplittableRandom().nextLong());
        SplittableRandom random = new SplittableRandom(seed);
        for (int done = 0; done < INPUTS; done += BATCH) {
            int first = done;
            assertTimeoutPreemptively(
                    BATCH_TIME_BOUND,
                    () -> runBatch(property, seed, first, random, generator, check, simpler),
                    () -> property + ": a batch of " + BATCH + " inputs from input " + first + " did not finish within "
                            + BATCH_TIME_BOUND + " (seed " + seed + ")");
        }
        System.out.println(property + ": " + INPUTS + " inputs passed, seed " + seed);
    }

    private static <T> void runBatch(
            String property,
            long seed,
            int first,
            SplittableRandom random,
            Function<SplittableRandom, T> generator,
            Consumer<T> check,
            Function<T, List<T>> simpler) {
        for (int index = first; index < first + BATCH; index++) {
            T input = generator.apply(random);
            Throwable failure = failureOf(check, input);
            if (failure != null) {
                T smallest = shrink(input, check, simpler);
                AssertionError reported = new AssertionError(
                        property + " failed at input " + index + " of seed " + seed + " (-Dfuzz.seed=" + seed
                                + " repeats it); smallest failing input: " + describe(smallest) + "; first: "
                                + describe(input),
                        failureOf(check, smallest));
                reported.addSuppressed(failure);
                throw reported;
            }
        }
    }

    private static <T> Throwable failureOf(Consumer<T> check, T input) {
        try {
            check.accept(input);
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    /** Greedy: the first simpler candidate that still fails replaces the input, until none does. */
    private static <T> T shrink(T input, Consumer<T> check, Function<T, List<T>> simpler) {
        T smallest = input;
        for (int step = 0; step < MAX_SHRINK_STEPS; step++) {
            T next = null;
            for (T candidate : simpler.apply(smallest)) {
                if (failureOf(check, candidate) != null) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                return smallest;
            }
            smallest = next;
        }
        return smallest;
    }

    /** The text with half of it removed, then with each single character removed. */
    public static List<String> shorterTexts(String text) {
        List<String> shorter = new ArrayList<>();
        if (text.length() > 1) {
            shorter.add(text.substring(0, text.length() / 2));
            shorter.add(text.substring(text.length() / 2));
        }
        for (int i = 0; i < text.length(); i++) {
            shorter.add(text.substring(0, i) + text.substring(i + 1));
        }
        return shorter;
    }

    /** Strings in Java notation, so invisible characters and lone surrogates show. */
    private static String describe(Object input) {
        if (!(input instanceof String text)) {
            return String.valueOf(input);
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
