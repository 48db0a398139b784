package dev.numgen.client;

import dev.numgen.ignite.IgniteNumbers;
import dev.numgen.ignite.cluster.ClusterMajority;
import dev.numgen.ignite.issue.IgniteIssuanceRegister;
import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.sequence.IgniteBlockReserver;
import dev.numgen.ignite.sequence.IgniteGaplessStore;
import dev.numgen.ignite.sequence.IgniteIssueRecords;
import dev.numgen.ignite.sequence.IgniteIssuedValues;
import dev.numgen.ignite.sequence.IgniteWorkerLeases;
import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.issue.IssuanceRegister;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleDefinition;
import dev.numgen.rule.RuleRegistrar;
import dev.numgen.rule.RuleRegistry;
import dev.numgen.rule.RuleValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;

/**
 * What a numgen server runs on a test's server node: its rule registrar and its issuer, on the adapters composed as
 * the server composes them ({@link IgniteNumbers}); the issuer issues no provisional numbers, which these tests never
 * need from a server.
 */
final class ServerSide implements AutoCloseable {

    final IgniteStore store;
    final RuleRegistry rules;
    final IssuanceRegister register;
    final NumberIssuer issuer;
    private final RuleRegistrar registrar;
    private final ClusterMajority majority;
    private final ExecutorService prefetcher = IgniteNumbers.blockPrefetcher();
    private final IgniteWorkerLeases leases;

    ServerSide(TestNode node) {
        store = node.store();
        rules = new IgniteRuleRegistry(store);
        register = new IgniteIssuanceRegister(store, Clock.systemUTC());
        registrar = new RuleRegistrar(rules, new IgniteIssuedValues(store), new RuleValidator(), Clock.systemUTC());
        majority = new ClusterMajority(node.ignite(), Duration.ofMinutes(1));
        majority.start();
        leases = IgniteNumbers.workerLeases(store);
        issuer = NumberIssuer.regularOnly(
                rules,
                IgniteNumbers.strategies(
                        new IgniteBlockReserver(store, rules),
                        prefetcher,
                        new IgniteGaplessStore(store, rules),
                        leases,
                        new IgniteIssueRecords(store, rules)),
                register,
                Clock.systemUTC(),
                majority);
    }

    void register(String prefixKey, RuleDefinition rule) {
        registrar.register(new PrefixKey(prefixKey), rule, OptionalLong.empty(), "test");
    }

    @Override
    public void close() {
        leases.close();
        majority.close();
        prefetcher.shutdownNow();
    }
}
