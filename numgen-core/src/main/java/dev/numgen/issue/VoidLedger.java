package dev.numgen.issue;

import java.util.List;

/** Where voids are kept, shared by every node and durable. */
public interface VoidLedger {

    /** Records the void; false when the number was already voided (nothing changes then). */
    boolean add(VoidedNumber voided);

    /** The prefix's voids, oldest first. */
    List<VoidedNumber> list(String prefixKey);
}
