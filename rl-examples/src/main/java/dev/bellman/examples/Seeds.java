package dev.bellman.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The seed lists of {@code bellman experiment --seeds}: {@code 0-9}, {@code 0,3,5} or mixed, {@code 0-4,10,20-22}. */
final class Seeds {

    /** At most this many seeds, so that a typo such as {@code 0-10000000} fails at once. */
    static final int MAX_SEEDS = 10_000;

    private Seeds() {
    }

    /**
     * Parses comma-separated seeds and inclusive ranges {@code FROM-TO} of non-negative integers.
     *
     * @param spec    e.g. {@code 0-9} or {@code 0,3,5-7}
     * @param option  the option's name, for messages
     * @return the seeds in increasing order, each once
     * @throws IllegalArgumentException naming the bad part if a part is not a seed or a range, a range
     *                                  runs backwards, a seed repeats or there are more than {@link #MAX_SEEDS}
     */
    static List<Long> parse(String spec, String option) {
        String expected = "; expected seeds and ranges such as 0-9 or 0,3,5 or 0-4,10";
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(option + " is empty" + expected);
        }
        TreeSet<Long> seeds = new TreeSet<>();
        for (String raw : spec.split(",", -1)) {
            String part = raw.strip();
            int dash = part.indexOf('-', 1);
            long from;
            long to;
            try {
                if (part.startsWith("-") || part.startsWith("+")) {
                    throw new NumberFormatException();
                }
                from = Long.parseLong(dash < 0 ? part : part.substring(0, dash).strip());
                to = dash < 0 ? from : Long.parseLong(part.substring(dash + 1).strip());
                if (to < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException(option + " " + spec + ": '" + part + "' is not a seed (0 or more) or a range FROM-TO"
                        + expected);
            }
            if (to < from) {
                throw new IllegalArgumentException(option + " " + spec + ": range '" + part + "' runs backwards; write " + to + "-" + from);
            }
            if (to - from >= MAX_SEEDS || seeds.size() + (to - from + 1) > MAX_SEEDS) {
                throw new IllegalArgumentException(option + " " + spec + " gives more than " + MAX_SEEDS + " seeds");
            }
            for (long seed = from; seed <= to; seed++) {
                if (!seeds.add(seed)) {
                    throw new IllegalArgumentException(option + " " + spec + " gives seed " + seed + " twice");
                }
            }
        }
        return List.copyOf(seeds);
    }

    /** @return the seeds written compactly, consecutive ones as ranges: {@code 0-4,7} */
    static String text(List<Long> sortedSeeds) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < sortedSeeds.size()) {
            int j = i;
            while (j + 1 < sortedSeeds.size() && sortedSeeds.get(j + 1) == sortedSeeds.get(j) + 1) {
                j++;
            }
            parts.add(j == i ? String.valueOf(sortedSeeds.get(i)) : sortedSeeds.get(i) + "-" + sortedSeeds.get(j));
            i = j + 1;
        }
        return String.join(",", parts);
    }
}
