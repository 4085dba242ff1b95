package dev.bellman.approx.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Polynomial features (Sutton &amp; Barto §9.5.1, Zhao §8.2.4): every monomial
 * {@code x1^p1 · ... · xk^pk} of total degree {@code p1 + ... + pk ≤ order}, evaluated on the
 * observation normalised from its declared bounds. There are {@code C(order + k, k)} of them; in 2-D,
 * orders 1, 2 and 3 give Zhao's 3, 6 and 10 features.
 *
 * <p>The first feature is always the constant 1; the rest follow the chosen {@link MonomialOrder}
 * ({@link MonomialOrder#ZHAO} by default); {@link #exponents()} lists them.
 *
 * <p>Evaluation is allocation-free: each monomial is its parent (one degree lower, listed earlier)
 * times one coordinate, so φ costs one multiplication per feature.
 */
public final class PolynomialFeatures implements Features<double[]> {

    private final int order;
    private final Bounds bounds;
    private final Normalization normalization;
    private final MonomialOrder monomialOrder;
    private final int[][] exponents;
    /** For feature j ≥ 1: φ_j = φ_parent[j] · z_variable[j]. */
    private final int[] parent;
    private final int[] variable;

    /**
     * Builds the features in Zhao's monomial order ({@link MonomialOrder#ZHAO}).
     *
     * @param order         the largest total degree, 0 or more
     * @param low           the lower bound of each observation coordinate
     * @param high          the upper bound of each observation coordinate, above {@code low}
     * @param normalization how coordinates are rescaled before the powers are taken
     * @throws IllegalArgumentException as {@link #PolynomialFeatures(int, double[], double[], Normalization, MonomialOrder)}
     */
    public PolynomialFeatures(int order, double[] low, double[] high, Normalization normalization) {
        this(order, low, high, normalization, MonomialOrder.ZHAO);
    }

    /**
     * @param order         the largest total degree, 0 or more (0 gives the constant feature alone)
     * @param low           the lower bound of each observation coordinate
     * @param high          the upper bound of each observation coordinate, above {@code low}
     * @param normalization how coordinates are rescaled before the powers are taken
     * @param monomialOrder the order of the monomials
     * @throws IllegalArgumentException if {@code order < 0}, the bounds are null, empty, of different
     *                                  lengths, not finite or not increasing, an enum is null, or
     *                                  there would be more than 2^24 features
     */
    public PolynomialFeatures(int order, double[] low, double[] high, Normalization normalization,
                              MonomialOrder monomialOrder) {
        this.order = Checks.order(order);
        this.bounds = new Bounds(low, high);
        this.normalization = Checks.notNull(normalization, "normalization");
        this.monomialOrder = Checks.notNull(monomialOrder, "monomialOrder");
        int k = bounds.dimension();
        Checks.dimension(count(order, k), "order " + order + " in " + k + " dimensions");
        List<int[]> monomials = new ArrayList<>();
        for (int degree = 0; degree <= order; degree++) {
            List<int[]> ofDegree = new ArrayList<>();
            lexicographic(new int[k], 0, degree, ofDegree);
            if (monomialOrder == MonomialOrder.ZHAO) {
                // Stable partition: pure powers first, each group keeping its lexicographic order.
                List<int[]> pure = new ArrayList<>();
                List<int[]> mixed = new ArrayList<>();
                for (int[] p : ofDegree) {
                    (nonZero(p) <= 1 ? pure : mixed).add(p);
                }
                monomials.addAll(pure);
                monomials.addAll(mixed);
            } else {
                monomials.addAll(ofDegree);
            }
        }
        this.exponents = monomials.toArray(new int[0][]);
        Map<List<Integer>, Integer> indexOf = new HashMap<>();
        for (int j = 0; j < exponents.length; j++) {
            indexOf.put(key(exponents[j]), j);
        }
        this.parent = new int[exponents.length];
        this.variable = new int[exponents.length];
        for (int j = 1; j < exponents.length; j++) {
            int[] p = exponents[j].clone();
            int i = 0;
            while (p[i] == 0) {
                i++;
            }
            p[i]--;
            variable[j] = i;
            parent[j] = indexOf.get(key(p));
        }
    }

    /** @return the number of monomials of total degree at most {@code order} in {@code k} variables, C(order + k, k) */
    private static long count(int order, int k) {
        long count = 1;
        for (int i = 1; i <= k; i++) {
            // C(order + i, i) = C(order + i - 1, i - 1) * (order + i) / i, exact at every step.
            count = count * (order + (long) i) / i;
            if (count > Checks.MAX_DIMENSION) {
                return count;
            }
        }
        return count;
    }

    /** Appends every exponent vector of the given degree, by decreasing power of the first free variable. */
    private static void lexicographic(int[] prefix, int position, int remaining, List<int[]> out) {
        if (position == prefix.length - 1) {
            prefix[position] = remaining;
            out.add(prefix.clone());
            return;
        }
        for (int p = remaining; p >= 0; p--) {
            prefix[position] = p;
            lexicographic(prefix, position + 1, remaining - p, out);
        }
    }

    private static int nonZero(int[] p) {
        int n = 0;
        for (int e : p) {
            n += e > 0 ? 1 : 0;
        }
        return n;
    }

    private static List<Integer> key(int[] p) {
        List<Integer> key = new ArrayList<>(p.length);
        for (int e : p) {
            key.add(e);
        }
        return key;
    }

    /** @return the largest total degree */
    public int order() {
        return order;
    }

    /** @return how coordinates are rescaled */
    public Normalization normalization() {
        return normalization;
    }

    /** @return the order of the monomials */
    public MonomialOrder monomialOrder() {
        return monomialOrder;
    }

    /** @return a copy of the lower bounds */
    public double[] low() {
        return bounds.low();
    }

    /** @return a copy of the upper bounds */
    public double[] high() {
        return bounds.high();
    }

    /** @return a copy of the exponents: row {@code j} holds {@code (p1, ..., pk)} of feature {@code j} */
    public int[][] exponents() {
        int[][] copy = new int[exponents.length][];
        for (int j = 0; j < exponents.length; j++) {
            copy[j] = exponents[j].clone();
        }
        return copy;
    }

    @Override
    public int dimension() {
        return exponents.length;
    }

    /**
     * @param observation a point in {@code [low, high]}, one coordinate per dimension
     * @param out         receives the monomials of the normalised coordinates
     * @throws IllegalArgumentException if {@code out} is too short, or the observation is null, of
     *                                  another dimension, NaN or outside the bounds
     */
    @Override
    public void write(double[] observation, double[] out) {
        Checks.buffer(out, exponents.length, "out");
        bounds.check(observation);
        out[0] = 1.0;
        for (int j = 1; j < exponents.length; j++) {
            int i = variable[j];
            out[j] = out[parent[j]] * normalization.apply(bounds.unit(i, observation[i]));
        }
    }

    @Override
    public String toString() {
        return "PolynomialFeatures[order " + order + ", " + exponents.length + " features, " + monomialOrder
                + ", " + normalization + ", " + bounds + "]";
    }
}
