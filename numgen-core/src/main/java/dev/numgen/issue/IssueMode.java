package dev.numgen.issue;

/** How numbers were issued; anything but NORMAL is a fallback and says so (G5). */
public enum IssueMode {
    NORMAL,
    PROVISIONAL
}
