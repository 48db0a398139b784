package dev.numgen.system;

import dev.numgen.issue.ClientQuotas;
import dev.numgen.issue.IdempotencyLimits;
import dev.numgen.issue.IdempotentIssuer;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.issue.NumberVoider;
import dev.numgen.issue.ProvisionalIssuer;
import dev.numgen.issue.ProvisionalResolver;
import dev.numgen.issue.ignite.IgniteIdempotencyStore;
import dev.numgen.issue.ignite.IgniteVoidLedger;
import dev.numgen.provisional.FileProvisionalJournal;
import dev.numgen.provisional.ProvisionalRegistry;
import dev.numgen.provisional.ignite.IgniteProvisionalRegistry;
import dev.numgen.rule.IssuedValues;
import dev.numgen.rule.RememberingRuleRegistry;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleValidator;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.ignite.IgniteRuleRegistry;
import dev.numgen.sequence.BlockReserver;
import dev.numgen.sequence.ClusterStanding;
import dev.numgen.sequence.SegmentSequence;
import dev.numgen.sequence.SnowflakeSequence;
import dev.numgen.sequence.ignite.GaplessCounter;
import dev.numgen.sequence.ignite.IgniteBlockReserver;
import dev.numgen.sequence.ignite.IgniteIssuedValues;
import dev.numgen.sequence.ignite.IgniteWorkerLeases;
import dev.numgen.system.ignite.IgniteStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
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
import tools.jackson.databind.json.JsonMapper;

/** Puts the use cases together with their Ignite adapters. */
@Configuration(proxyBeanMethods = false)
class NumgenConfiguration {

    /** How far back the clock may step before SNOWFLAKE refuses rather than waits. */
    static final long MAX_CLOCK_BACKWARDS_MILLIS = 10;

    /** Where a node keeps what it needs when cut off: its provisional journal and its rule snapshot. */
    static final String PROVISIONAL_DIR =
            "${numgen.provisional.journal-dir:${numgen.ignite.work-dir:./data}/provisional}";

    @Bean(destroyMethod = "close")
    Clock clock() {
        return new TickingClock(Clock.systemUTC());
    }

    @Bean
    RuleRegistry ruleRegistry(IgniteStore store) {
        return new IgniteRuleRegistry(store);
    }

    @Bean
    IssuedValues issuedValues(IgniteStore store) {
        return new IgniteIssuedValues(store);
    }

    @Bean
    RuleRegistrar ruleRegistrar(RuleRegistry registry, IssuedValues issued, Clock clock) {
        return new RuleRegistrar(registry, issued, new RuleValidator(), clock);
    }

    @Bean
    BlockReserver blockReserver(IgniteStore store, RuleRegistry registry) {
        return new IgniteBlockReserver(store, registry);
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

    @Bean
    NumberIssuer numberIssuer(
            RuleRegistry registry,
            BlockReserver reserver,
            ExecutorService blockPrefetcher,
            IgniteStore store,
            IgniteWorkerLeases workerLeases,
            Clock clock,
            ClusterStanding standing,
            ProvisionalIssuer provisionalIssuer,
            RuleSnapshotFile ruleSnapshot,
            ClientQuotas quotas) {
        return new NumberIssuer(
                new RememberingRuleRegistry(registry, ruleSnapshot),
                Map.of(
                        Strategy.SEGMENT, new SegmentSequence(reserver, blockPrefetcher),
                        Strategy.GAPLESS, new GaplessCounter(store, registry),
                        Strategy.SNOWFLAKE,
                                new SnowflakeSequence(Clock.systemUTC(), workerLeases, MAX_CLOCK_BACKWARDS_MILLIS)),
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

    /** Where this node records its provisional numbers; it must survive restarts (the node's persistent volume). */
    @Bean(destroyMethod = "close")
    FileProvisionalJournal provisionalJournal(@Value(PROVISIONAL_DIR) Path directory) {
        return FileProvisionalJournal.open(directory.toAbsolutePath());
    }

    /**
     * The rules this node last saw, so that it can issue provisional numbers when restarted while cut off. Read with
     * Jackson's plain defaults, not the strict mapper of request bodies: a file another version wrote must still serve.
     */
    @Bean
    RuleSnapshotFile ruleSnapshot(@Value(PROVISIONAL_DIR) Path directory) {
        return new RuleSnapshotFile(
                directory.toAbsolutePath().resolve("rules.json"),
                JsonMapper.builder().build());
    }

    /** The node tag in provisional numbers; unique in the cluster, like the Ignite consistent id it defaults to. */
    @Bean
    ProvisionalIssuer provisionalIssuer(
            FileProvisionalJournal journal,
            @Value("${numgen.provisional.node-tag:${numgen.ignite.consistent-id:numgen-1}}") String nodeTag) {
        return new ProvisionalIssuer(journal, nodeTag);
    }

    @Bean
    ProvisionalRegistry provisionalRegistry(IgniteStore store) {
        return new IgniteProvisionalRegistry(store);
    }

    @Bean(destroyMethod = "close")
    ProvisionalSyncSchedule provisionalSyncSchedule(
            FileProvisionalJournal journal,
            ProvisionalRegistry registry,
            ClusterStanding standing,
            MeterRegistry meters,
            @Value("${numgen.provisional.sync-interval:2s}") Duration every) {
        ProvisionalSyncSchedule schedule = new ProvisionalSyncSchedule(journal, registry, standing, meters);
        schedule.start(every);
        return schedule;
    }

    @Bean
    ProvisionalResolver provisionalResolver(ProvisionalRegistry registry, NumberIssuer issuer, Clock clock) {
        return new ProvisionalResolver(registry, issuer, clock);
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
    NumberVoider numberVoider(RuleRegistry registry, IssuedValues issued, IgniteStore store, Clock clock) {
        return new NumberVoider(registry, issued, new IgniteVoidLedger(store), clock);
    }
}
