package dev.numgen.sequence;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;

/**
 * The {@code SEGMENT} strategy: each counter is served from a {@link SegmentBuffer} of blocks
 * this node has reserved. Values increase per node; values of a block this node never hands
 * out (because it stops) are skipped, never re-issued.
 */
public final class SegmentSequence implements SequenceStrategy {

    private final BlockReserver reserver;
    private final Executor prefetcher;
    private final ConcurrentMap<CounterKey, SegmentBuffer> buffers = new ConcurrentHashMap<>();

    public SegmentSequence(BlockReserver reserver, Executor prefetcher) {
        this.reserver = reserver;
        this.prefetcher = prefetcher;
    }

    @Override
    public Counter counter(CounterKey key) {
        SegmentBuffer buffer = buffers.get(key);
        return buffer != null
                ? buffer
                : buffers.computeIfAbsent(key, absent -> new SegmentBuffer(absent, reserver, prefetcher));
    }
}
