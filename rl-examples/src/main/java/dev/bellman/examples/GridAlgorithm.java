package dev.bellman.examples;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The algorithms {@code bellman gridworld --algo} accepts, by their kebab-case names. */
enum GridAlgorithm {
    VALUE_ITERATION("value-iteration", Kind.PLANNER),
    POLICY_ITERATION("policy-iteration", Kind.PLANNER),
    TRUNCATED_POLICY_ITERATION("truncated-policy-iteration", Kind.PLANNER),
    POLICY_EVALUATION("policy-evaluation", Kind.EVALUATION),
    MC_BASIC("mc-basic", Kind.LEARNER),
    MC_EXPLORING_STARTS("mc-exploring-starts", Kind.LEARNER),
    MC_EPSILON_GREEDY("mc-epsilon-greedy", Kind.LEARNER),
    SARSA("sarsa", Kind.LEARNER),
    EXPECTED_SARSA("expected-sarsa", Kind.LEARNER),
    N_STEP_SARSA("n-step-sarsa", Kind.LEARNER),
    SARSA_LAMBDA("sarsa-lambda", Kind.LEARNER),
    Q_LEARNING("q-learning", Kind.LEARNER),
    DOUBLE_Q_LEARNING("double-q-learning", Kind.LEARNER),
    TD_LINEAR("td-linear", Kind.APPROXIMATION);

    /**
     * What the algorithm needs: the model (planners, evaluation), episodes (learners), or episodes
     * and features (linear prediction of a policy's values).
     */
    enum Kind {
        PLANNER, EVALUATION, LEARNER, APPROXIMATION
    }

    private final String id;
    private final Kind kind;

    GridAlgorithm(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    String id() {
        return id;
    }

    Kind kind() {
        return kind;
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
