package dev.bellman.examples;

/**
 * The settings {@code bellman train} gives its linear learners when options leave them out. They
 * live here, not inline, so that {@code bellman algos} prints the very values a run uses.
 */
final class LinearDefaults {

    /** The features of (observation, action) without {@code --features}: 8 tilings of 8 tiles per dimension. */
    static final String FEATURES = "tile-coding:8x8";
    /**
     * Sutton &amp; Barto §10.1 (Mountain Car): α = 0.5 / tilings, so that one update moves a
     * state's estimate half-way to its target.
     */
    static final double TILE_CODING_ALPHA_NUMERATOR = 0.5;
    /** The step size with features other than tile coding. */
    static final double ALPHA = 0.01;
    /** The exploration rate where rewards can be positive. */
    static final double EPSILON = 0.1;
    /** The discount factor where the book does not undiscount the task. */
    static final double GAMMA = 0.99;

    private LinearDefaults() {
    }

    /**
     * @return whether every reward of the environment is at most 0 (MountainCar, Acrobot): zero
     *         initial weights are then optimistic and explore without ε (S&amp;B §10.1), and the
     *         book's task is undiscounted
     */
    static boolean nonPositiveRewards(String environmentId) {
        return environmentId.startsWith("MountainCar") || environmentId.startsWith("Acrobot");
    }

    /** @return the step size for these features: 0.5 / tilings with tile coding, else {@link #ALPHA} */
    static double alpha(FeatureSpec features) {
        return features.kind() == FeatureSpec.Kind.TILE_CODING ? TILE_CODING_ALPHA_NUMERATOR / features.sizes()[0] : ALPHA;
    }

    /** @return 0 where rewards are never positive, else {@link #EPSILON} */
    static double epsilon(String environmentId) {
        return nonPositiveRewards(environmentId) ? 0.0 : EPSILON;
    }

    /** @return 1 where rewards are never positive (S&amp;B's undiscounted episodic tasks), else {@link #GAMMA} */
    static double gamma(String environmentId) {
        return nonPositiveRewards(environmentId) ? 1.0 : GAMMA;
    }
}
