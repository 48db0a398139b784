package dev.numgen.ignite.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.numgen.ignite.testing.TestNodes;
import dev.numgen.ignite.testing.TestNodes.ClusterLayout;
import dev.numgen.ignite.testing.TestNodes.TestNode;
import dev.numgen.sequence.CounterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.ignite.internal.IgniteEx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the issuance register costs on disk per record, measured in the partition files of its caches after a
 * checkpoint, against what docs/limits.md says: a few hundred bytes for a one-number request, tens of kilobytes for
 * a thousand-number one.
 */
class RegisterSizeTest {

    private static final int SMALL_RECORDS = 20_000;
    private static final int LARGE_RECORDS = 100;

    @TempDir
    Path work;

    @Test
    void aOneNumberRecordTakesAFewHundredBytesAndAThousandNumberRecordTensOfKilobytes() {
        try (TestNode node = TestNodes.start(ClusterLayout.of(work, 1), 0, 1)) {
            IgniteIssuanceRegister register = new IgniteIssuanceRegister(node.store(), Clock.systemUTC());
            CounterKey small = new CounterKey("INVOICE", "2026");
            CounterKey large = new CounterKey("BATCH", "");
            // The partition files start with pages of their own (1024 partitions): the first records fill those,
            // so the cost of a record is measured as the growth over a second, equal run.
            writeSmall(node, register, small, 0);
            long afterFirst = registerBytes(node);
            writeSmall(node, register, small, SMALL_RECORDS);
            long perSmall = (registerBytes(node) - afterFirst) / SMALL_RECORDS;

            long beforeLarge = registerBytes(node);
            for (int r = 0; r < LARGE_RECORDS; r++) {
                long first = r * 1_000L + 1;
                List<String> numbers = IntStream.range(0, 1_000)
                        .mapToObj(i -> String.format("BATCH-%012d", first + i))
                        .toList();
                node.store().inTransaction(() -> {
                    register.record(
                            large,
                            first,
                            1,
                            numbers,
                            "billing-service",
                            UUID.randomUUID().toString());
                    return null;
                });
            }
            long perLarge = (registerBytes(node) - beforeLarge) / LARGE_RECORDS;

            System.out.printf(
                    "register on disk: %d bytes per one-number record, %d bytes per thousand-number record%n",
                    perSmall, perLarge);
            assertThat(perSmall).isPositive().isLessThan(600);
            assertThat(perLarge).isGreaterThan(18_000).isLessThan(100_000);
        }
    }

    private static void writeSmall(TestNode node, IgniteIssuanceRegister register, CounterKey counter, int start) {
        for (int batch = 0; batch < SMALL_RECORDS / 500; batch++) {
            int offset = start + batch * 500;
            node.store().inTransaction(() -> {
                for (int i = 1; i <= 500; i++) {
                    long value = offset + i;
                    register.record(
                            counter,
                            value,
                            1,
                            List.of(String.format("INV-2026-%06d", value)),
                            "billing-service",
                            UUID.randomUUID().toString());
                }
                return null;
            });
        }
    }

    /** The bytes of the register's partition files, after a checkpoint has written everything to them. */
    private static long registerBytes(TestNode node) {
        try {
            ((IgniteEx) node.ignite()).context().cache().context().database().waitForCheckpoint("register size");
        } catch (Exception e) {
            throw new IllegalStateException("the checkpoint did not finish", e);
        }
        try (Stream<Path> files =
                Files.walk(Path.of(node.ignite().configuration().getWorkDirectory()))) {
            return files.filter(path -> path.toString().contains("numgen-register"))
                    .filter(Files::isRegularFile)
                    .mapToLong(path -> {
                        try {
                            return Files.size(path);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
