package dev.numgen.issue;

/**
 * What one client's Idempotency-Key records may hold in the cluster, so that no client can grow the store without
 * bound: records live 24 hours, and beyond these a new key is refused ({@link IdempotencyLimitException}).
 *
 * @param keysPerClient keys a token subject may have claimed in the last 25 hours
 * @param numbersPerClient numbers those keys' requests may hold in all
 * @param clients token subjects that may hold keys at once, cluster-wide (first claims running at the same moment can
 *     each pass it by one; see IgniteIdempotencyStore)
 */
public record IdempotencyLimits(int keysPerClient, int numbersPerClient, int clients) {

    /** The defaults of numgen.idempotency.max-keys-per-client, max-numbers-per-client and max-clients. */
    public static final IdempotencyLimits DEFAULTS = new IdempotencyLimits(10_000, 100_000, 1_000);

    public IdempotencyLimits {
        if (keysPerClient < 1 || clients < 1 || numbersPerClient < NumberIssuer.MAX_COUNT) {
            throw new IllegalArgumentException("idempotency limits: keys and clients 1 or more, numbers at least "
                    + NumberIssuer.MAX_COUNT + " (one request's worth)");
        }
    }
}
