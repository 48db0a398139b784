package dev.numgen.issue;

import java.util.List;

/** The numbers one request received, in issue order. */
public record IssuedNumbers(String prefixKey, List<String> numbers, IssueMode mode) {}
