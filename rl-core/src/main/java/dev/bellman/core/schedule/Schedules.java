package dev.bellman.core.schedule;

import java.util.function.LongToDoubleFunction;

/**
 * The schedules the books use for step sizes and exploration rates. Every factory validates its
 * arguments and names the bad one. Their {@code toString} is the call that made them, for example
 * {@code linear(0.5, 0.01, 10000)}: it appears in reports and is what a checkpoint compares.
 */
public final class Schedules {

    private Schedules() {
    }

    /**
     * The same value at every count.
     *
     * @param value the value returned at every count, finite
     * @return the constant schedule
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static Schedule constant(double value) {
        requireFinite(value, "value");
        return named("constant(" + value + ")", count -> value);
    }

    /**
     * {@code 1 / n}: as a step size, the incremental sample mean of Zhao's mean estimation
     * ({@code w_{n} = w_{n-1} - (1/n)(w_{n-1} - x_n)}) and of every-visit Monte Carlo averaging.
     *
     * @return the schedule {@code 1 / n}, 1 at count 1
     */
    public static Schedule harmonic() {
        return polynomial(1.0, 1.0);
    }

    /**
     * {@code scale / n^power}: satisfies the Robbins–Monro conditions (sum infinite, sum of squares
     * finite) for {@code 0.5 < power <= 1}.
     *
     * @param scale the value at count 1, positive and finite
     * @param power the exponent of the count, in {@code (0, 1]}
     * @return the schedule {@code scale / n^power}
     * @throws IllegalArgumentException if {@code scale} is not positive and finite or {@code power}
     *                                  is outside {@code (0, 1]}
     */
    public static Schedule polynomial(double scale, double power) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale " + scale + " must be a finite number > 0");
        }
        if (!(power > 0 && power <= 1)) {
            throw new IllegalArgumentException("power " + power + " is outside (0, 1]");
        }
        return named("polynomial(" + scale + ", " + power + ")", count -> scale / Math.pow(Math.max(1, count), power));
    }

    /**
     * Moves linearly from {@code start} at count 1 to {@code end} at count {@code steps}, then stays
     * at {@code end} (the usual epsilon decay).
     *
     * @param start the value at count 1, finite
     * @param end   the value from count {@code steps} on, finite
     * @param steps the count at which {@code end} is reached, at least 1
     * @return the linear schedule
     * @throws IllegalArgumentException if a value is not finite or {@code steps < 1}
     */
    public static Schedule linear(double start, double end, long steps) {
        requireFinite(start, "start");
        requireFinite(end, "end");
        if (steps < 1) {
            throw new IllegalArgumentException("steps " + steps + " must be at least 1");
        }
        return named("linear(" + start + ", " + end + ", " + steps + ")", count -> {
            if (count >= steps || steps == 1) {
                return end;
            }
            double fraction = (Math.max(1, count) - 1) / (double) (steps - 1);
            return start + (end - start) * fraction;
        });
    }

    /**
     * {@code max(end, start * decay^(n - 1))}: a geometric decay towards a floor.
     *
     * @param start the value at count 1, finite
     * @param end   the floor the value never goes below, finite
     * @param decay the factor applied per count, in {@code (0, 1]}
     * @return the exponential schedule
     * @throws IllegalArgumentException if a value is not finite or {@code decay} is outside {@code (0, 1]}
     */
    public static Schedule exponential(double start, double end, double decay) {
        requireFinite(start, "start");
        requireFinite(end, "end");
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("decay " + decay + " is outside (0, 1]");
        }
        return named("exponential(" + start + ", " + end + ", " + decay + ")",
                count -> Math.max(end, start * Math.pow(decay, Math.max(1, count) - 1)));
    }

    private static Schedule named(String description, LongToDoubleFunction values) {
        return new Named(description, values);
    }

    /** A schedule that prints as the call that made it. */
    private record Named(String description, LongToDoubleFunction values) implements Schedule {
        @Override
        public double valueAt(long count) {
            return values.applyAsDouble(count);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " " + value + " is not a finite number");
        }
    }
}
