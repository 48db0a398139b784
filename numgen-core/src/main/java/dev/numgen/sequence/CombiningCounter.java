package dev.numgen.sequence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Group commit for a counter whose every take is a durable transaction (GAPLESS): requests that
 * arrive while one transaction runs wait, and the next transaction takes the values of all of
 * them at once (up to {@link #MAX_GROUP_VALUES}), handing each its consecutive share in the order
 * its store prepares them ({@link GaplessTake}: by lock key). Nothing is handed out
 * before that transaction commits, so a failed transaction fails its whole group and consumes
 * nothing. When a group would run past maxValue, its requests are retried one by one, so those
 * that still fit are served. Each request is a {@link GaplessClaim}, so what it records commits in
 * its group's transaction; two claims with one lock key are never in one group.
 */
public final class CombiningCounter implements ClaimingCounter {

    /**
     * The most values one transaction takes for a group (the first request is always served, whatever it asks):
     * each request writes its records in the transaction, so an unbounded group would make one transaction, which
     * holds the counter's lock on every node, as large as all requests waiting.
     */
    public static final int MAX_GROUP_VALUES = 10_000;

    private final Consumer<List<GaplessClaim>> transaction;
    private final Object lock = new Object();
    private List<Request> waiting = new ArrayList<>(); // guarded by lock
    private boolean leading; // guarded by lock

    /** @param transaction serves the claims in one committed transaction (see {@link GaplessStore#take}) */
    public CombiningCounter(Consumer<List<GaplessClaim>> transaction) {
        this.transaction = transaction;
    }

    @Override
    public long next() {
        return next(1)[0];
    }

    @Override
    public long[] next(int count) {
        GaplessStore.ValuesOnly claim = new GaplessStore.ValuesOnly(count);
        take(claim);
        return claim.values();
    }

    @Override
    public void take(GaplessClaim claim) {
        Request request = new Request(claim);
        boolean lead;
        synchronized (lock) {
            waiting.add(request);
            lead = !leading;
            leading = true;
        }
        if (lead || request.awaitTurn()) {
            serveOneGroupAndHandOver();
        }
        request.await();
    }

    /**
     * The leader serves everybody waiting now (itself included) in one transaction, then hands
     * the lead to the first request that arrived meanwhile, so no thread serves others for long.
     * A claim whose lock key another claim of the group has already (a second request with the
     * same Idempotency-Key) waits for the next transaction: inside one, neither would see what the
     * other commits, so both would take values.
     */
    private void serveOneGroupAndHandOver() {
        List<Request> group = new ArrayList<>();
        synchronized (lock) {
            List<Request> later = new ArrayList<>();
            Set<String> lockKeys = new HashSet<>();
            long values = 0;
            for (Request request : waiting) {
                String lockKey = request.claim.lockKey();
                boolean fits = group.isEmpty() || values + request.claim.count() <= MAX_GROUP_VALUES;
                if (fits && (lockKey.isEmpty() || lockKeys.add(lockKey))) {
                    group.add(request);
                    values += request.claim.count();
                } else {
                    later.add(request);
                }
            }
            waiting = later;
        }
        try {
            serve(group);
        } finally {
            synchronized (lock) {
                if (waiting.isEmpty()) {
                    leading = false;
                } else {
                    waiting.get(0).turn.complete(null);
                }
            }
        }
    }

    private void serve(List<Request> group) {
        List<GaplessClaim> claims = new ArrayList<>(group.size());
        group.forEach(request -> claims.add(request.claim));
        try {
            transaction.accept(claims);
            group.forEach(request -> request.result.complete(null));
        } catch (CounterExhaustedException e) {
            if (group.size() == 1) {
                group.get(0).result.completeExceptionally(e);
            } else {
                group.forEach(request -> serve(List.of(request)));
            }
        } catch (RuntimeException | Error e) {
            // An Error too: a group left waiting would hold the lead, and this node's counter, for ever.
            group.forEach(request -> request.result.completeExceptionally(e));
        }
    }

    private static final class Request {
        final GaplessClaim claim;
        /** Completed once the claim's transaction has committed (its outcome is in the claim) or failed. */
        final CompletableFuture<Void> result = new CompletableFuture<>();
        /** Completed when this request is to lead the next group. */
        final CompletableFuture<Void> turn = new CompletableFuture<>();

        Request(GaplessClaim claim) {
            this.claim = claim;
        }

        /** Waits until served (false) or handed the lead (true). */
        boolean awaitTurn() {
            CompletableFuture.anyOf(result, turn).exceptionally(failure -> null).join();
            return !result.isDone();
        }

        void await() {
            try {
                result.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a counter transaction", e);
            }
        }
    }
}
