package dev.numgen.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A UTC clock that tests set and move by hand; optionally each read moves it on. */
public final class HandClock extends Clock {

    private final AtomicLong millis;
    private final AtomicLong reads = new AtomicLong();
    private volatile long advancePerRead;

    public HandClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    public void set(Instant instant) {
        millis.set(instant.toEpochMilli());
    }

    public void setMillis(long epochMilli) {
        millis.set(epochMilli);
    }

    public void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    /** From now on every read moves the clock on by this many milliseconds. */
    public void advanceOnEveryRead(long millisPerRead) {
        advancePerRead = millisPerRead;
    }

    /** How often the clock has been read: a test sees from it that code is waiting for the clock to move. */
    public long reads() {
        return reads.get();
    }

    @Override
    public long millis() {
        reads.incrementAndGet();
        return millis.getAndAdd(advancePerRead);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
