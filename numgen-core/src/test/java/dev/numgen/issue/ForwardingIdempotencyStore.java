package dev.numgen.issue;

import java.util.Optional;

/** An {@link IdempotencyStore} that forwards every call, for a test to override the calls it changes. */
public class ForwardingIdempotencyStore implements IdempotencyStore {
    private final IdempotencyStore delegate;

    public ForwardingIdempotencyStore(IdempotencyStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<IssuedNumbers> claim(String caller, String key, String fingerprint, int count) {
        return delegate.claim(caller, key, fingerprint, count);
    }

    @Override
    public Optional<IssuedNumbers> answered(String caller, String key, String fingerprint) {
        return delegate.answered(caller, key, fingerprint);
    }

    @Override
    public void complete(String caller, String key, String fingerprint, IssuedNumbers issued) {
        delegate.complete(caller, key, fingerprint, issued);
    }

    @Override
    public void completeInTransaction(String caller, String key, String fingerprint, IssuedNumbers issued) {
        delegate.completeInTransaction(caller, key, fingerprint, issued);
    }

    @Override
    public void release(String caller, String key) {
        delegate.release(caller, key);
    }

    @Override
    public long count(String caller, String key, int numbers) {
        return delegate.count(caller, key, numbers);
    }

    @Override
    public void uncount(String caller, String key, long countedAtMillis, int numbers) {
        delegate.uncount(caller, key, countedAtMillis, numbers);
    }

    @Override
    public KeyLookup lookUpInTransaction(String caller, String key, String fingerprint) {
        return delegate.lookUpInTransaction(caller, key, fingerprint);
    }
}
