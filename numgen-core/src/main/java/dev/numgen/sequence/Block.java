package dev.numgen.sequence;

/**
 * Values {@code first, first + step, ...} up to and including {@code last}, reserved for one
 * node by a committed transaction; nobody else will ever be given them.
 */
public record Block(long first, long last, long step) {

    public Block {
        if (step < 1 || last < first || (last - first) % step != 0) {
            throw new IllegalArgumentException("not a block: " + first + ".." + last + " step " + step);
        }
    }

    public long size() {
        return (last - first) / step + 1;
    }
}
