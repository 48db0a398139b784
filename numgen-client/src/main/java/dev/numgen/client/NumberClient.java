package dev.numgen.client;

import dev.numgen.ignite.IgniteNumbers;
import dev.numgen.ignite.cluster.ClusterMajority;
import dev.numgen.ignite.issue.IgniteIssuanceRegister;
import dev.numgen.ignite.rule.IgniteRuleRegistry;
import dev.numgen.ignite.sequence.IgniteBlockReserver;
import dev.numgen.ignite.sequence.IgniteGaplessStore;
import dev.numgen.ignite.sequence.IgniteIssueRecords;
import dev.numgen.ignite.sequence.IgniteWorkerLeases;
import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.issue.InvalidIssueRequestException;
import dev.numgen.issue.IssuedNumbers;
import dev.numgen.issue.NoMajorityException;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.issue.ProvisionalJournalException;
import dev.numgen.issue.QuotaExceededException;
import dev.numgen.problem.StorageUnavailableException;
import dev.numgen.rule.InvalidPrefixKeyException;
import dev.numgen.rule.InvalidRuleException;
import dev.numgen.rule.RuleStoreUnavailableException;
import dev.numgen.rule.UnknownPrefixException;
import dev.numgen.sequence.CounterExhaustedException;
import dev.numgen.sequence.SequenceUnavailableException;
import dev.numgen.time.TickingClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.apache.ignite.Ignite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues numbers in-process, from an Ignite thick client node that joins the numgen cluster: the same rules, formats
 * and counters as the servers, through the same adapters (SEGMENT blocks reserved in the same caches, GAPLESS values in
 * the same transactions with their register records, SNOWFLAKE worker ids leased from the same table), so a number a
 * client issues never equals one issued over HTTP or by another client (G1).
 *
 * <p>A client never activates the cluster or changes its baseline, and never issues a provisional number: it keeps no
 * journal that the cluster would sync, and a provisional number nobody resolves is worse than a clear failure the
 * application can handle. When it loses the cluster, SEGMENT rules go on from the blocks it holds (durably reserved
 * before); after that, and at once for GAPLESS and SNOWFLAKE, {@link #issue} throws {@link
 * ClusterUnavailableException}. Ignite reconnects the node by itself, and issuing works again.
 *
 * <pre>{@code
 * try (NumberClient client = NumberClient.start(NumberClientSettings.builder()
 *         .discoveryAddresses("10.0.0.1:47500", "10.0.0.2:47500", "10.0.0.3:47500")
 *         .nodeName("order-app-1")
 *         .tls(ClusterTls.of(keyStore, password, trustStore, password))
 *         .build())) {
 *     List<String> numbers = client.issue("ORDER", 3, Map.of("region", "EU")).numbers();
 * }
 * }</pre>
 *
 * <p>Thread-safe; one per application (each is a node of the cluster).
 */
public final class NumberClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NumberClient.class);
    /** How long a store call waits for an inactive cluster to become active again. */
    private static final Duration STORE_ACTIVATION_TIMEOUT = Duration.ofSeconds(10);

    private final NumberClientSettings settings;
    private final Ignite ignite;
    private final TickingClock clock;
    private final ClusterMajority majority;
    private final ClusterConnection connection;
    private final ExecutorService prefetcher;
    private final IgniteWorkerLeases leases;
    private final NumberIssuer issuer;

    private NumberClient(NumberClientSettings settings, Ignite ignite) {
        this.settings = settings;
        this.ignite = ignite;
        this.clock = new TickingClock(Clock.systemUTC());
        // The cut-off limit only drives a server's liveness; a client has none.
        this.majority = new ClusterMajority(ignite, settings.startTimeout());
        majority.start();
        IgniteStore store = new IgniteStore(ignite, STORE_ACTIVATION_TIMEOUT);
        IgniteRuleRegistry rules = new IgniteRuleRegistry(store);
        this.connection = new ClusterConnection(ignite, store, rules, settings.nodeName(), majority, Clock.systemUTC());
        this.prefetcher = IgniteNumbers.blockPrefetcher();
        this.leases = IgniteNumbers.workerLeases(store);
        // Always "in the majority" for the issuer, which would otherwise refuse SEGMENT before its held block is
        // used: the gates in front of the stores (ConnectedOnly) decide what this client may do now.
        this.issuer = NumberIssuer.regularOnly(
                rules,
                IgniteNumbers.strategies(
                        ConnectedOnly.blocks(new IgniteBlockReserver(store, rules), connection),
                        prefetcher,
                        ConnectedOnly.gapless(new IgniteGaplessStore(store, rules), connection),
                        ConnectedOnly.leases(leases, connection),
                        new IgniteIssueRecords(store, rules)),
                new IgniteIssuanceRegister(store, Clock.systemUTC()),
                clock,
                () -> true);
    }

    /**
     * Starts the client node and waits until it sees an active cluster holding a majority of its baseline, at most
     * {@link NumberClientSettings#startTimeout()}.
     *
     * @throws IllegalStateException when the settings are refused (TLS, peer class loading without TLS)
     * @throws ClusterUnavailableException when no such cluster was there in time; nothing is left running
     */
    public static NumberClient start(NumberClientSettings settings) {
        Ignite ignite = ClientNode.start(settings);
        NumberClient client;
        try {
            client = new NumberClient(settings, ignite);
        } catch (RuntimeException e) {
            ignite.close();
            throw e;
        }
        try {
            client.awaitMajority();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        log.info(
                "numgen client {} joined the cluster ({} server node(s), TLS {}); GAPLESS records name it {}",
                settings.nodeName(),
                client.majority.standing().serverNodes(),
                settings.tls().map(tls -> "on as " + tls.subject()).orElse("OFF"),
                settings.caller());
        return client;
    }

    private void awaitMajority() {
        long deadline = System.nanoTime() + settings.startTimeout().toNanos();
        while (!connection.usable()) {
            if (System.nanoTime() > deadline) {
                throw connection.notReady(settings.startTimeout());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw connection.notReady(settings.startTimeout());
            }
        }
    }

    /**
     * Issues {@code count} numbers of the rule, as {@code GET /api/numbers?prefixKey=...&count=...&<variables>}
     * does: the same numbers in increasing sequence order and their mode (always NORMAL here). GAPLESS records name
     * {@link NumberClientSettings#caller()} as the caller.
     *
     * @throws ClusterUnavailableException when the client cannot reach the cluster's counters now
     * @throws NoMajorityException when the cluster it is connected to holds no majority (and the store said so first)
     * @throws RuleStoreUnavailableException when the rules cannot be read although the client is connected
     * @throws SequenceUnavailableException when a counter cannot be served although the client is connected
     * @throws QuotaExceededException never here (a client has no quotas); named because the issuer it shares with the
     *     servers can throw it
     * @throws ProvisionalJournalException never here (a client keeps no journal); named for the same reason
     */
    public IssuedNumbers issue(String prefixKey, int count, Map<String, String> variables)
            throws InvalidIssueRequestException, InvalidPrefixKeyException, UnknownPrefixException,
                    InvalidRuleException, CounterExhaustedException, ClusterUnavailableException, NoMajorityException,
                    RuleStoreUnavailableException, SequenceUnavailableException, QuotaExceededException,
                    ProvisionalJournalException {
        if (connection.replaced()) {
            // Not even from the blocks it holds: the cluster it reconnected to may issue them again.
            throw connection.unavailable(null);
        }
        boolean usableBefore = connection.usable();
        try {
            return issuer.issue(settings.caller(), prefixKey, count, variables);
        } catch (StorageUnavailableException | NoMajorityException e) {
            // A store that failed while the client stayed connected and in the majority failed on its own, and is
            // said as it is; otherwise the connection is why (it may have come back meanwhile).
            if (usableBefore && connection.usable()) {
                throw e;
            }
            throw connection.unavailable(e);
        }
    }

    /** {@link #issue(String, int, Map)} for a rule without variables. */
    public IssuedNumbers issue(String prefixKey, int count) {
        return issue(prefixKey, count, Map.of());
    }

    /** One number of a rule without variables. */
    public String issue(String prefixKey) {
        return issue(prefixKey, 1, Map.of()).numbers().get(0);
    }

    /** Whether the node is connected to the cluster now (Ignite reconnects it by itself). */
    public boolean connected() {
        return connection.connected();
    }

    public NumberClientSettings settings() {
        return settings;
    }

    /**
     * The client's Ignite node, for what numgen does not wrap (a compute task deployed to the servers by peer class
     * loading, say). It is a member of the cluster: whatever it does, it does with the servers' rights.
     */
    public Ignite ignite() {
        return ignite;
    }

    /**
     * Leaves the cluster. The unused rest of its SEGMENT blocks is skipped (G3), and its SNOWFLAKE worker lease runs out
     * on its own.
     */
    @Override
    public void close() {
        connection.close();
        leases.close();
        majority.close();
        prefetcher.shutdownNow();
        try {
            ignite.close();
        } finally {
            clock.close();
            log.info("numgen client {} left the cluster", settings.nodeName());
        }
    }
}
