package dev.numgen.issue;

import java.util.List;

class InMemoryIssuanceRegisterTest extends IssuanceRegisterContract {

    private final InMemoryIssuanceRegister register = new InMemoryIssuanceRegister();

    @Override
    protected List<IssuanceRegister> registers() {
        return List.of(register, register);
    }

    @Override
    protected void inTransaction(int node, Runnable work) {
        work.run();
    }
}
