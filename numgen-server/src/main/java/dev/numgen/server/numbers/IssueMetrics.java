package dev.numgen.server.numbers;

import dev.numgen.issue.IssueMode;
import dev.numgen.issue.IssuedNumbers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code numgen.numbers.issued} (numbers, by prefix and mode) and {@code numgen.issue.latency}
 * (a histogram, by prefix) at {@code /actuator/prometheus}. Meters are looked up once per prefix
 * and mode, not per request.
 */
final class IssueMetrics {

    private final MeterRegistry registry;
    /** Per prefix, one set of meters per mode (indexed by ordinal): no key is built per request. */
    private final ConcurrentMap<String, Meters[]> meters = new ConcurrentHashMap<>();

    IssueMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void issued(IssuedNumbers issued, long nanos) {
        Meters[] forPrefix = meters.get(issued.prefixKey());
        if (forPrefix == null) {
            forPrefix = meters.computeIfAbsent(issued.prefixKey(), absent -> new Meters[IssueMode.values().length]);
        }
        Meters forKey = forPrefix[issued.mode().ordinal()];
        if (forKey == null) {
            // A benign race: two threads may register the same meters; the registry returns one.
            forKey = new Meters(registry, issued);
            forPrefix[issued.mode().ordinal()] = forKey;
        }
        forKey.numbers.increment(issued.numbers().size());
        forKey.latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    private static final class Meters {
        final Counter numbers;
        final Timer latency;

        Meters(MeterRegistry registry, IssuedNumbers issued) {
            numbers = Counter.builder("numgen.numbers.issued")
                    .description("Numbers issued")
                    .tag("prefix", issued.prefixKey())
                    .tag("mode", issued.mode().name())
                    .register(registry);
            latency = Timer.builder("numgen.issue.latency")
                    .description("Time to issue one request's numbers")
                    .tag("prefix", issued.prefixKey())
                    .publishPercentileHistogram()
                    .register(registry);
        }
    }
}
