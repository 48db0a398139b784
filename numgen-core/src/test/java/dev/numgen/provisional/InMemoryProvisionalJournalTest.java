package dev.numgen.provisional;

class InMemoryProvisionalJournalTest extends ProvisionalJournalContract {

    @Override
    protected ProvisionalJournal emptyJournal() {
        return new InMemoryProvisionalJournal();
    }
}
