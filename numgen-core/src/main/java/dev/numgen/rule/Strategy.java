package dev.numgen.rule;

/** How a rule's sequence values are produced. */
public enum Strategy {
    /** Blocks reserved cluster-wide, handed out locally; increasing per node, gaps allowed. */
    SEGMENT,
    /** One transactional counter per key; strictly increasing, no gaps. */
    GAPLESS,
    /** 64-bit time + worker + sequence ids; no coordination per number. */
    SNOWFLAKE
}
