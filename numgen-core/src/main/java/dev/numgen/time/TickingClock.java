package dev.numgen.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A clock read from a field that a background thread refreshes every millisecond. Reading the
 * system clock costs ~30 ns on this project's machines, more than the rest of issuing a number;
 * this costs a memory read. The price: the time may lag real time by about a millisecond (more
 * if the ticking thread is starved), which is well inside what "issue time" can mean for a
 * request. Numbers and their reset buckets are always computed from one reading, so they agree.
 */
public final class TickingClock extends Clock implements AutoCloseable {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Clock source;
    private final Thread ticker;
    private volatile long millis;
    private volatile boolean running = true;

    public TickingClock(Clock source) {
        this.source = source;
        this.millis = source.millis();
        this.ticker = new Thread(this::tick, "numgen-clock");
        ticker.setDaemon(true);
        ticker.start();
    }

    private void tick() {
        while (running) {
            millis = source.millis();
            LockSupport.parkNanos(TICK_NANOS);
        }
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return source.withZone(zone);
    }

    @Override
    public void close() {
        running = false;
        ticker.interrupt();
    }
}
