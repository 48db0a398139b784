package dev.numgen.sequence;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Leaf's double buffer for one counter: values are taken from the current block without locks;
 * once a tenth of it is used, the next block is reserved in the background, so a switch rarely
 * waits. The block size adapts: a block used up within {@link #FAST_NANOS} doubles the next
 * one, a block that lasted longer than {@link #SLOW_NANOS} halves it (never below the rule's
 * reserveSize).
 *
 * <p>Only blocks whose reservation has committed are ever handed out.
 */
final class SegmentBuffer implements Counter {

    static final long FAST_NANOS = TimeUnit.SECONDS.toNanos(15);
    static final long SLOW_NANOS = TimeUnit.MINUTES.toNanos(10);
    static final int MAX_GROWTH = 1024;
    private static final long AWAIT_SECONDS = 30;

    private final CounterKey key;
    private final BlockReserver reserver;
    private final Executor prefetcher;

    private volatile Segment current;
    private CompletableFuture<Block> pending; // guarded by this
    private int growth = 1; // guarded by this

    SegmentBuffer(CounterKey key, BlockReserver reserver, Executor prefetcher) {
        this.key = key;
        this.reserver = reserver;
        this.prefetcher = prefetcher;
    }

    @Override
    public long next() {
        Segment segment = current;
        if (segment != null) {
            long index = segment.claim();
            if (index < segment.size) {
                if (index == segment.prefetchAt) {
                    prefetch();
                }
                return segment.valueAt(index);
            }
        }
        return nextFromNewSegment();
    }

    private synchronized long nextFromNewSegment() {
        while (true) {
            Segment segment = current;
            if (segment != null) {
                long index = segment.claim();
                if (index < segment.size) {
                    return segment.valueAt(index);
                }
                adaptGrowth(System.nanoTime() - segment.createdNanos);
            }
            current = new Segment(awaitNextBlock());
            if (current.prefetchAt == 0) {
                prefetch();
            }
        }
    }

    private synchronized void prefetch() {
        if (pending == null) {
            int size = growth;
            pending = CompletableFuture.supplyAsync(() -> reserver.reserve(key, size), prefetcher);
        }
    }

    /** Called with the lock held. */
    private Block awaitNextBlock() {
        CompletableFuture<Block> future = pending;
        pending = null;
        if (future == null) {
            return reserver.reserve(key, growth);
        }
        try {
            return future.get(AWAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new SequenceUnavailableException(key, "block reservation failed", e.getCause());
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new SequenceUnavailableException(key, "block reservation timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SequenceUnavailableException(key, "interrupted while reserving a block", e);
        }
    }

    private void adaptGrowth(long lastedNanos) {
        if (lastedNanos < FAST_NANOS) {
            growth = Math.min(growth * 2, MAX_GROWTH);
        } else if (lastedNanos > SLOW_NANOS) {
            growth = Math.max(growth / 2, 1);
        }
    }

    /** A committed block and how far it has been handed out. */
    private static final class Segment {
        final long first;
        final long step;
        final long size;
        final long prefetchAt;
        final long createdNanos = System.nanoTime();
        private final AtomicLong cursor = new AtomicLong();

        Segment(Block block) {
            this.first = block.first();
            this.step = block.step();
            this.size = block.size();
            this.prefetchAt = size / 10;
        }

        /** A unique index; values exist only for indexes below {@link #size}. */
        long claim() {
            return cursor.getAndIncrement();
        }

        long valueAt(long index) {
            return first + index * step;
        }
    }
}
