package dev.bellman.core;

/**
 * How long a {@link Learner} trains: a number of environment steps or of episodes. Immutable.
 */
public final class Budget {

    /** What a budget counts. */
    public enum Unit {
        /** environment steps */
        STEPS,
        /** finished episodes */
        EPISODES
    }

    private final Unit unit;
    private final long limit;

    private Budget(Unit unit, long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a budget of " + limit + " " + unit.name().toLowerCase()
                    + " is not allowed; expected at least 1");
        }
        this.unit = unit;
        this.limit = limit;
    }

    /**
     * @param steps the number of environment steps, at least 1
     * @return a budget of {@code steps} environment steps
     * @throws IllegalArgumentException if {@code steps < 1}
     */
    public static Budget steps(long steps) {
        return new Budget(Unit.STEPS, steps);
    }

    /**
     * @param episodes the number of episodes, at least 1
     * @return a budget of {@code episodes} finished episodes
     * @throws IllegalArgumentException if {@code episodes < 1}
     */
    public static Budget episodes(long episodes) {
        return new Budget(Unit.EPISODES, episodes);
    }

    /** @return what the budget counts */
    public Unit unit() {
        return unit;
    }

    /** @return how many steps or episodes */
    public long limit() {
        return limit;
    }

    /**
     * @param steps    the environment steps taken so far
     * @param episodes the episodes finished so far
     * @return {@code true} once the budget is spent
     */
    public boolean isExhausted(long steps, long episodes) {
        return (unit == Unit.STEPS ? steps : episodes) >= limit;
    }

    @Override
    public String toString() {
        return limit + " " + unit.name().toLowerCase();
    }
}
