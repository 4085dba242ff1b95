package dev.bellman.examples;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The algorithms {@code bellman gridworld --algo} accepts, by their kebab-case names. */
enum GridAlgorithm {
    VALUE_ITERATION("value-iteration"),
    POLICY_ITERATION("policy-iteration"),
    TRUNCATED_POLICY_ITERATION("truncated-policy-iteration"),
    POLICY_EVALUATION("policy-evaluation");

    private final String id;

    GridAlgorithm(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static GridAlgorithm byIdForOption(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        for (GridAlgorithm algorithm : values()) {
            if (algorithm.id.equals(wanted)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("--algo: unknown algorithm '" + id + "'; expected one of " + ids());
    }

    static String ids() {
        return Arrays.stream(values()).map(GridAlgorithm::id).collect(Collectors.joining(", "));
    }
}
