package dev.numgen.client;

import dev.numgen.sequence.Block;
import dev.numgen.sequence.BlockReserver;
import dev.numgen.sequence.CounterKey;
import dev.numgen.sequence.GaplessClaim;
import dev.numgen.sequence.GaplessStore;
import dev.numgen.sequence.WorkerLeases;
import java.util.List;

/**
 * The client's gates in front of the servers' adapters: each use of a shared store first asks {@link
 * ClusterConnection} and fails at once, with the domain's {@code SequenceUnavailableException}, while the client is
 * disconnected or sees no majority (rather than waiting on a node that cannot reach anyone). What each gate stops:
 *
 * <ul>
 *   <li>SEGMENT: only reserving a new block. The blocks the client holds were durably reserved before, so it keeps
 *       handing them out (G1 holds: no other node can have them).
 *   <li>GAPLESS: every take; its values must commit in the cluster.
 *   <li>SNOWFLAKE: every id; the worker lease is only good while the client can renew it, and a disconnected client's
 *       lease may run out while it cannot tell.
 * </ul>
 */
final class ConnectedOnly {

    private ConnectedOnly() {}

    static BlockReserver blocks(BlockReserver reserver, ClusterConnection connection) {
        return new BlockReserver() {
            @Override
            public Block reserve(CounterKey key, int growth) {
                connection.require(key);
                return reserver.reserve(key, growth);
            }
        };
    }

    static GaplessStore gapless(GaplessStore store, ClusterConnection connection) {
        return new GaplessStore() {
            @Override
            public void take(CounterKey key, List<? extends GaplessClaim> claims, NextValues next) {
                connection.require(key);
                store.take(key, claims, next);
            }
        };
    }

    static WorkerLeases leases(WorkerLeases leases, ClusterConnection connection) {
        CounterKey any = new CounterKey("SNOWFLAKE", "");
        return () -> {
            connection.require(any);
            return leases.current();
        };
    }
}
