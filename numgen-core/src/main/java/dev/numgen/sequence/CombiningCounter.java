package dev.numgen.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;

/**
 * Group commit for a counter whose every take is a durable transaction (GAPLESS): requests that
 * arrive while one transaction runs wait, and the next transaction takes the values of all of
 * them at once, handing each its consecutive share in arrival order. Nothing is handed out
 * before that transaction commits, so a failed transaction fails its whole group and consumes
 * nothing. When a group would run past maxValue, its requests are retried one by one, so those
 * that still fit are served.
 */
public final class CombiningCounter implements Counter {

    private final IntFunction<long[]> transaction;
    private final Object lock = new Object();
    private List<Request> waiting = new ArrayList<>(); // guarded by lock
    private boolean leading; // guarded by lock

    /** @param transaction takes that many consecutive values in one committed transaction */
    public CombiningCounter(IntFunction<long[]> transaction) {
        this.transaction = transaction;
    }

    @Override
    public long next() {
        return next(1)[0];
    }

    @Override
    public long[] next(int count) {
        Request request = new Request(count);
        boolean lead;
        synchronized (lock) {
            waiting.add(request);
            lead = !leading;
            leading = true;
        }
        if (lead || request.awaitTurn()) {
            serveOneGroupAndHandOver();
        }
        return request.await();
    }

    /**
     * The leader serves everybody waiting now (itself included) in one transaction, then hands
     * the lead to the first request that arrived meanwhile, so no thread serves others for long.
     */
    private void serveOneGroupAndHandOver() {
        List<Request> group;
        synchronized (lock) {
            group = waiting;
            waiting = new ArrayList<>();
        }
        serve(group);
        synchronized (lock) {
            if (waiting.isEmpty()) {
                leading = false;
            } else {
                waiting.get(0).turn.complete(null);
            }
        }
    }

    private void serve(List<Request> group) {
        int total = group.stream().mapToInt(request -> request.count).sum();
        try {
            long[] values = transaction.apply(total);
            int offset = 0;
            for (Request request : group) {
                long[] share = new long[request.count];
                System.arraycopy(values, offset, share, 0, request.count);
                offset += request.count;
                request.result.complete(share);
            }
        } catch (CounterExhaustedException e) {
            if (group.size() == 1) {
                group.get(0).result.completeExceptionally(e);
            } else {
                group.forEach(request -> serve(List.of(request)));
            }
        } catch (RuntimeException e) {
            group.forEach(request -> request.result.completeExceptionally(e));
        }
    }

    private static final class Request {
        final int count;
        final CompletableFuture<long[]> result = new CompletableFuture<>();
        /** Completed when this request is to lead the next group. */
        final CompletableFuture<Void> turn = new CompletableFuture<>();

        Request(int count) {
            this.count = count;
        }

        /** Waits until served (false) or handed the lead (true). */
        boolean awaitTurn() {
            CompletableFuture.anyOf(result, turn).exceptionally(failure -> null).join();
            return !result.isDone();
        }

        long[] await() {
            try {
                return result.get();
            } catch (ExecutionException e) {
                throw (RuntimeException) e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a counter transaction", e);
            }
        }
    }
}
