package dev.numgen.issue;

/** The cluster holds no provisional number like this (a node's journal may not have been synced yet). */
public final class UnknownProvisionalNumberException extends RuntimeException {

    public UnknownProvisionalNumberException(String number) {
        super("no provisional number " + number + " is known to the cluster; a node cut off from it syncs its"
                + " journal once it is back in the majority");
    }
}
