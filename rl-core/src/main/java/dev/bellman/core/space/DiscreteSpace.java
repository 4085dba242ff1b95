package dev.bellman.core.space;

import java.util.random.RandomGenerator;

/**
 * The integers {@code 0, 1, ..., n - 1}: the space of discrete actions and of tabular states.
 *
 * @param n the number of members, at least 1
 */
public record DiscreteSpace(int n) implements Space<Integer> {

    /**
     * @param n the number of members, at least 1
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public DiscreteSpace {
        if (n < 1) {
            throw new IllegalArgumentException("DiscreteSpace size n = " + n + " must be at least 1");
        }
    }

    /** Draws one of the {@code n} members with equal probability. */
    @Override
    public Integer sample(RandomGenerator rng) {
        return rng.nextInt(n);
    }

    @Override
    public boolean contains(Integer value) {
        return value != null && value >= 0 && value < n;
    }

    /**
     * Checks that {@code value} is a member, for the argument checks of environments and tables.
     *
     * @param value the value to check
     * @param what  what the value is, for the message (e.g. {@code "action"})
     * @return {@code value}, unboxed
     * @throws IllegalArgumentException naming the value and this space if it is not a member
     */
    public int require(Integer value, String what) {
        if (!contains(value)) {
            throw new IllegalArgumentException(what + " " + value + " is outside " + this
                    + " (expected an integer in [0, " + (n - 1) + "])");
        }
        return value;
    }

    @Override
    public String toString() {
        return "Discrete(" + n + ")";
    }
}
