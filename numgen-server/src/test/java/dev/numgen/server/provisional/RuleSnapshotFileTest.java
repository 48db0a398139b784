package dev.numgen.server.provisional;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.rule.PrefixKey;
import dev.numgen.rule.RuleSnapshot;
import dev.numgen.rule.RuleSnapshotContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The snapshot contract on the file, and what the file adds: it survives a restart and a damaged file is no fault. */
class RuleSnapshotFileTest extends RuleSnapshotContract {

    @TempDir
    Path directory;

    @Override
    protected RuleSnapshot emptySnapshot() {
        return new RuleSnapshotFile(directory.resolve("empty").resolve("rules.json"), JsonMapper.shared());
    }

    @Test
    void keptRulesSurviveARestartWholeAndOnlyNewerVersionsReplaceThem() {
        Path file = directory.resolve("rules.json");
        RuleSnapshotFile snapshot = new RuleSnapshotFile(file, JsonMapper.shared());
        snapshot.keep(version(2, 1000));
        snapshot.keep(version(1, 5000)); // older: ignored

        RuleSnapshotFile reopened = new RuleSnapshotFile(file, JsonMapper.shared());
        assertThat(reopened.find(new PrefixKey("ORDER"))).contains(version(2, 1000));
        assertThat(reopened.find(new PrefixKey("OTHER"))).isEmpty();
        reopened.keep(version(3, 2000));
        assertThat(new RuleSnapshotFile(file, JsonMapper.shared()).find(new PrefixKey("ORDER")))
                .contains(version(3, 2000));
    }

    @Test
    void anUnreadableFileIsIgnoredNotFatal() throws IOException {
        Path file = directory.resolve("rules.json");
        Files.writeString(file, "{ not json");
        RuleSnapshotFile snapshot = new RuleSnapshotFile(file, JsonMapper.shared());
        assertThat(snapshot.find(new PrefixKey("ORDER"))).isEmpty();
        snapshot.keep(version(1, 1000));
        assertThat(new RuleSnapshotFile(file, JsonMapper.shared()).find(new PrefixKey("ORDER")))
                .contains(version(1, 1000));
    }
}
