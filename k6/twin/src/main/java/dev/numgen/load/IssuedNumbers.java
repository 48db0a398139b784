package dev.numgen.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every number a load run was issued, to find any issued twice (G1). A full endurance run is issued millions, more
 * than a heap of strings holds, so a number ending in digits is kept as its prefix and a long (eight bytes), in an
 * array per prefix that is sorted once at the end; any other number is kept as it is.
 */
public final class IssuedNumbers {

    private static final Pattern TRAILING_DIGITS = Pattern.compile("(.*?)(\\d{1,18})");

    private final Map<String, long[]> sequences = new HashMap<>();
    private final Map<String, Integer> sizes = new HashMap<>();
    private final Set<String> others = new HashSet<>();
    private final List<String> otherDuplicates = new ArrayList<>();
    private long count;

    public synchronized void add(String number) {
        count++;
        Matcher matcher = TRAILING_DIGITS.matcher(number);
        if (!matcher.matches()) {
            if (!others.add(number)) {
                otherDuplicates.add(number);
            }
            return;
        }
        // The digits' width is part of the key: "A-01" and "A-1" are different numbers.
        String key = matcher.group(1) + "#" + matcher.group(2).length();
        long[] values = sequences.computeIfAbsent(key, any -> new long[1024]);
        int size = sizes.getOrDefault(key, 0);
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            sequences.put(key, values);
        }
        values[size] = Long.parseLong(matcher.group(2));
        sizes.put(key, size + 1);
    }

    public synchronized long count() {
        return count;
    }

    /** Every number issued more than once (once per extra issue). */
    public synchronized List<String> duplicates() {
        List<String> duplicates = new ArrayList<>(otherDuplicates);
        sequences.forEach((key, values) -> {
            long[] sorted = Arrays.copyOf(values, sizes.get(key));
            Arrays.sort(sorted);
            String prefix = key.substring(0, key.lastIndexOf('#'));
            int width = Integer.parseInt(key.substring(key.lastIndexOf('#') + 1));
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    duplicates.add(prefix + String.format("%0" + width + "d", sorted[i]));
                }
            }
        });
        return duplicates;
    }
}
