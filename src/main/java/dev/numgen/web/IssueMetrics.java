package dev.numgen.web;

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
    private final ConcurrentMap<String, Meters> meters = new ConcurrentHashMap<>();

    IssueMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void issued(IssuedNumbers issued, long nanos) {
        String key = issued.prefixKey() + '\u0000' + issued.mode();
        Meters forKey = meters.get(key);
        if (forKey == null) {
            forKey = meters.computeIfAbsent(key, absent -> new Meters(registry, issued));
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
