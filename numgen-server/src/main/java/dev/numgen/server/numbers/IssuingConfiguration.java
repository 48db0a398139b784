package dev.numgen.server.numbers;

import dev.numgen.ignite.issue.IgniteIdempotencyStore;
import dev.numgen.ignite.issue.IgniteIssuanceRegister;
import dev.numgen.ignite.issue.IgniteVoidLedger;
import dev.numgen.ignite.sequence.IgniteBlockReserver;
import dev.numgen.ignite.sequence.IgniteGaplessStore;
import dev.numgen.ignite.sequence.IgniteIssueRecords;
import dev.numgen.ignite.sequence.IgniteWorkerLeases;
import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.issue.ClientQuotas;
import dev.numgen.issue.IdempotencyLimits;
import dev.numgen.issue.IdempotentIssuer;
import dev.numgen.issue.IssuanceAudit;
import dev.numgen.issue.IssuanceRegister;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.issue.NumberVoider;
import dev.numgen.issue.ProvisionalIssuer;
import dev.numgen.issue.VoidLedger;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.RememberingRuleRegistry;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleSnapshot;
import dev.numgen.rule.Strategy;
import dev.numgen.sequence.BlockReserver;
import dev.numgen.sequence.ClusterStanding;
import dev.numgen.sequence.GaplessCounter;
import dev.numgen.sequence.GaplessStore;
import dev.numgen.sequence.IssueRecords;
import dev.numgen.sequence.SegmentSequence;
import dev.numgen.sequence.SnowflakeSequence;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The issuing feature: the three strategies on their Ignite stores, quotas, Idempotency-Key records and voids. */
@Configuration(proxyBeanMethods = false)
class IssuingConfiguration {

    /** How far back the clock may step before SNOWFLAKE refuses rather than waits. */
    static final long MAX_CLOCK_BACKWARDS_MILLIS = 10;

    @Bean
    BlockReserver blockReserver(IgniteStore store, RuleRegistry registry) {
        return new IgniteBlockReserver(store, registry);
    }

    @Bean
    GaplessStore gaplessStore(IgniteStore store, RuleRegistry registry) {
        return new IgniteGaplessStore(store, registry);
    }

    /** Which rules SNOWFLAKE has issued for, so their strategy cannot change (it keeps no counter in the cluster). */
    @Bean
    IssueRecords issueRecords(IgniteStore store, RuleRegistry registry) {
        return new IgniteIssueRecords(store, registry);
    }

    /** Reserves the next blocks in the background; unbounded so the issuing path never blocks on it. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService blockPrefetcher() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "numgen-block-prefetch-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** GAPLESS requests, one record each, written in the transaction that takes their values. */
    @Bean
    IssuanceRegister issuanceRegister(IgniteStore store) {
        return new IgniteIssuanceRegister(store, Clock.systemUTC());
    }

    @Bean
    NumberIssuer numberIssuer(
            RuleRegistry registry,
            IssuanceRegister register,
            BlockReserver reserver,
            ExecutorService blockPrefetcher,
            GaplessStore gaplessStore,
            IgniteWorkerLeases workerLeases,
            IssueRecords issueRecords,
            Clock clock,
            ClusterStanding standing,
            ProvisionalIssuer provisionalIssuer,
            RuleSnapshot ruleSnapshot,
            ClientQuotas quotas) {
        return new NumberIssuer(
                new RememberingRuleRegistry(registry, ruleSnapshot),
                Map.of(
                        Strategy.SEGMENT, new SegmentSequence(reserver, blockPrefetcher),
                        Strategy.GAPLESS, new GaplessCounter(gaplessStore),
                        Strategy.SNOWFLAKE,
                                new SnowflakeSequence(
                                        Clock.systemUTC(), workerLeases, issueRecords, MAX_CLOCK_BACKWARDS_MILLIS)),
                register,
                clock,
                standing,
                provisionalIssuer,
                quotas);
    }

    /** Each client's numbers per rule and minute, unless the rule sets its own; kept per node (see ClientQuotas). */
    @Bean
    ClientQuotas clientQuotas(
            @Value("${numgen.quota.numbers-per-minute:" + ClientQuotas.DEFAULT_PER_MINUTE + "}") int perMinute,
            @Value("${numgen.quota.max-buckets:" + ClientQuotas.DEFAULT_MAX_BUCKETS + "}") int maxBuckets,
            Clock clock) {
        return new ClientQuotas(perMinute, maxBuckets, clock);
    }

    /**
     * SNOWFLAKE worker ids: leased for 10 s, renewed every ~3 s, given up 2 s before they expire
     * (the tolerated clock difference between nodes). Each process leases as a new owner.
     */
    @Bean(destroyMethod = "close")
    IgniteWorkerLeases workerLeases(IgniteStore store) {
        return new IgniteWorkerLeases(
                store,
                UUID.randomUUID().toString(),
                Clock.systemUTC(),
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                SnowflakeSequence.MAX_WORKERS);
    }

    /** What one client's Idempotency-Key records may hold, cluster-wide (see IdempotencyLimits). */
    @Bean
    IdempotentIssuer idempotentIssuer(
            NumberIssuer issuer,
            IgniteStore store,
            @Value("${numgen.idempotency.max-keys-per-client:10000}") int keysPerClient,
            @Value("${numgen.idempotency.max-numbers-per-client:100000}") int numbersPerClient,
            @Value("${numgen.idempotency.max-clients:1000}") int clients) {
        return new IdempotentIssuer(
                issuer,
                new IgniteIdempotencyStore(
                        store, new IdempotencyLimits(keysPerClient, numbersPerClient, clients), Clock.systemUTC()));
    }

    @Bean
    VoidLedger voidLedger(IgniteStore store) {
        return new IgniteVoidLedger(store);
    }

    @Bean
    NumberVoider numberVoider(RuleRegistry registry, IssuedValues issued, VoidLedger voids, Clock clock) {
        return new NumberVoider(registry, issued, voids, clock);
    }

    /** The register pages and completeness checks an auditor reads. */
    @Bean
    IssuanceAudit issuanceAudit(RuleRegistry registry, IssuanceRegister register, VoidLedger voids) {
        return new IssuanceAudit(registry, register, voids);
    }
}
