package dev.numgen.provisional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal contract on the file, and what the file adds: entries survive a restart, a torn last line does not. */
class FileProvisionalJournalTest extends ProvisionalJournalContract {

    @TempDir
    Path directory;

    private final List<FileProvisionalJournal> opened = new ArrayList<>();

    @Override
    protected ProvisionalJournal emptyJournal() {
        FileProvisionalJournal journal = FileProvisionalJournal.open(directory.resolve("contract-" + opened.size()));
        opened.add(journal);
        return journal;
    }

    @AfterEach
    void closeJournals() {
        opened.forEach(FileProvisionalJournal::close);
    }

    @Test
    void entriesSurviveAReopenWithTheirVariablesAndHighestValue() {
        FileProvisionalJournal journal = FileProvisionalJournal.open(directory);
        journal.append(List.of(entry(10), entry(11)));
        journal.append(List.of(entry(12)));
        journal.close();

        FileProvisionalJournal reopened = FileProvisionalJournal.open(directory);
        assertThat(reopened.unsynced()).containsExactly(entry(10), entry(11), entry(12));
        assertThat(reopened.highestValue()).isEqualTo(12);
        reopened.close();
    }

    @Test
    void syncedEntriesStaySyncedAcrossAReopen() {
        FileProvisionalJournal journal = FileProvisionalJournal.open(directory);
        journal.append(List.of(entry(1), entry(2), entry(3)));
        journal.markSynced(2);
        assertThat(journal.unsynced()).containsExactly(entry(3));
        journal.close();

        FileProvisionalJournal reopened = FileProvisionalJournal.open(directory);
        assertThat(reopened.unsynced()).containsExactly(entry(3));
        assertThat(reopened.highestValue()).isEqualTo(3); // synced entries still count for the clock
        reopened.close();
    }

    @Test
    void aLineTornByACrashIsCutOffAndTheJournalGoesOn() throws IOException {
        FileProvisionalJournal journal = FileProvisionalJournal.open(directory);
        journal.append(List.of(entry(1)));
        journal.close();
        Path file = directory.resolve(FileProvisionalJournal.JOURNAL_FILE);
        Files.writeString(file, "0badc0de\t2\t1002\t3\tnode-1\tORD", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        FileProvisionalJournal reopened = FileProvisionalJournal.open(directory);
        assertThat(reopened.unsynced()).containsExactly(entry(1));
        reopened.append(List.of(entry(2)));
        reopened.close();
        assertThat(FileProvisionalJournal.open(directory).unsynced()).containsExactly(entry(1), entry(2));
    }

    @Test
    void damageBeforeTheLastLineStopsTheNodeRatherThanLoseEntries() throws IOException {
        FileProvisionalJournal journal = FileProvisionalJournal.open(directory);
        journal.append(List.of(entry(1), entry(2)));
        journal.close();
        Path file = directory.resolve(FileProvisionalJournal.JOURNAL_FILE);
        String content = Files.readString(file);
        Files.writeString(file, content.replaceFirst("ORDER", "ORDEX"));

        assertThatThrownBy(() -> FileProvisionalJournal.open(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("damaged");
        assertThat(Files.readString(file)).isEqualTo(content.replaceFirst("ORDER", "ORDEX")); // left as it was
    }

    @Test
    void aSecondUserOfTheSameDirectoryIsRefused() {
        FileProvisionalJournal journal = FileProvisionalJournal.open(directory);
        assertThatThrownBy(() -> FileProvisionalJournal.open(directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use");
        journal.close();
    }
}
