package dev.numgen.issue;

/** A client asked for more numbers of a rule than its quota has left; nothing was issued. */
public final class QuotaExceededException extends RuntimeException {

    private final String prefixKey;
    private final long retryAfterSeconds;

    QuotaExceededException(String prefixKey, int perMinute, int count, long retryAfterSeconds) {
        super("the quota of " + perMinute + " numbers per minute for " + prefixKey + " has fewer than " + count
                + " left for this client; enough is back in " + retryAfterSeconds + " s");
        this.prefixKey = prefixKey;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String prefixKey() {
        return prefixKey;
    }

    /** Seconds until the quota holds enough for the same request again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
