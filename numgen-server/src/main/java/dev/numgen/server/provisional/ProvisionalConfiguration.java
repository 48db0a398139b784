package dev.numgen.server.provisional;

import dev.numgen.ignite.provisional.IgniteProvisionalRegistry;
import dev.numgen.ignite.store.IgniteStore;
import dev.numgen.issue.NumberIssuer;
import dev.numgen.issue.ProvisionalIssuer;
import dev.numgen.issue.ProvisionalResolver;
import dev.numgen.provisional.FileProvisionalJournal;
import dev.numgen.provisional.ProvisionalRegistry;
import dev.numgen.rule.RuleSnapshot;
import dev.numgen.sequence.ClusterStanding;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The cut-off feature: this node's provisional journal and rule snapshot, their sync to the cluster, resolving. */
@Configuration(proxyBeanMethods = false)
class ProvisionalConfiguration {

    /** Where a node keeps what it needs when cut off: its provisional journal and its rule snapshot. */
    public static final String PROVISIONAL_DIR =
            "${numgen.provisional.journal-dir:${numgen.ignite.work-dir:./data}/provisional}";

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
    RuleSnapshot ruleSnapshot(@Value(PROVISIONAL_DIR) Path directory) {
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
}
