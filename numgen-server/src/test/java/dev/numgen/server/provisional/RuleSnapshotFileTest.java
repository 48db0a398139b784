package dev.numgen.server.provisional;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.rule.Concurrency;
import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.PrefixRule;
import dev.numgen.rule.RegisteredRule;
import dev.numgen.rule.ResetPeriod;
import dev.numgen.rule.Strategy;
import dev.numgen.rule.VariableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class RuleSnapshotFileTest {

    @TempDir
    Path directory;

    private static RegisteredRule rule(long version, int reserveSize) {
        PrefixRule rule = new PrefixRule(
                new PrefixKey("ORDER"),
                "ORD-{yyyy}{MM}{dd}-{var:region}-{seq:6}",
                Strategy.SEGMENT,
                ResetPeriod.DAILY,
                1,
                1,
                999_999,
                reserveSize,
                ZoneId.of("Europe/Berlin"),
                Map.of("region", new VariableSpec("[A-Z]{2}", true, 2)),
                "Sales orders",
                Concurrency.PESSIMISTIC,
                null);
        return new RegisteredRule(rule, version, "admin", Instant.parse("2026-11-25T22:00:00Z"));
    }

    @Test
    void keptRulesSurviveARestartWholeAndOnlyNewerVersionsReplaceThem() {
        Path file = directory.resolve("rules.json");
        RuleSnapshotFile snapshot = new RuleSnapshotFile(file, JsonMapper.shared());
        snapshot.keep(rule(2, 1000));
        snapshot.keep(rule(1, 5000)); // older: ignored

        RuleSnapshotFile reopened = new RuleSnapshotFile(file, JsonMapper.shared());
        assertThat(reopened.find(new PrefixKey("ORDER"))).contains(rule(2, 1000));
        assertThat(reopened.find(new PrefixKey("OTHER"))).isEmpty();
        reopened.keep(rule(3, 2000));
        assertThat(new RuleSnapshotFile(file, JsonMapper.shared()).find(new PrefixKey("ORDER")))
                .contains(rule(3, 2000));
    }

    @Test
    void anUnreadableFileIsIgnoredNotFatal() throws IOException {
        Path file = directory.resolve("rules.json");
        Files.writeString(file, "{ not json");
        RuleSnapshotFile snapshot = new RuleSnapshotFile(file, JsonMapper.shared());
        assertThat(snapshot.find(new PrefixKey("ORDER"))).isEmpty();
        snapshot.keep(rule(1, 1000));
        assertThat(new RuleSnapshotFile(file, JsonMapper.shared()).find(new PrefixKey("ORDER")))
                .contains(rule(1, 1000));
    }
}
