package dev.numgen.issue;

import java.time.Instant;

/** A GAPLESS number a person declared unusable: recorded, never issued again, never deleted. */
public record VoidedNumber(
        String prefixKey, String number, long sequence, String reason, String voidedBy, Instant voidedAt) {}
