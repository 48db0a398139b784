package dev.numgen.server.numbers;

import dev.numgen.ignite.IgniteNumbers;
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
import dev.numgen.sequence.BlockReserver;
import dev.numgen.sequence.ClusterStanding;
import dev.numgen.sequence.GaplessStore;
import dev.numgen.sequence.IssueRecords;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The issuing feature: the three strategies on their Ignite stores, quotas, Idempotency-Key records and voids. */
@Configuration(proxyBeanMethods = false)
class IssuingConfiguration {

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
        return IgniteNumbers.blockPrefetcher();
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
                IgniteNumbers.strategies(reserver, blockPrefetcher, gaplessStore, workerLeases, issueRecords),
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

    /** SNOWFLAKE worker ids, leased as every numgen node leases them (see IgniteNumbers). */
    @Bean(destroyMethod = "close")
    IgniteWorkerLeases workerLeases(IgniteStore store) {
        return IgniteNumbers.workerLeases(store);
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
