package dev.numgen.issue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fake {@link VoidLedger}: one process, voids in a map by prefix and number, oldest first. */
public final class InMemoryVoidLedger implements VoidLedger {

    private final Map<String, VoidedNumber> voids = new LinkedHashMap<>();

    @Override
    public synchronized boolean add(VoidedNumber voided) {
        return voids.putIfAbsent(voided.prefixKey() + '\u0000' + voided.number(), voided) == null;
    }

    @Override
    public synchronized List<VoidedNumber> list(String prefixKey) {
        List<VoidedNumber> list = new ArrayList<>();
        voids.values().stream()
                .filter(voided -> voided.prefixKey().equals(prefixKey))
                .forEach(list::add);
        return list;
    }
}
