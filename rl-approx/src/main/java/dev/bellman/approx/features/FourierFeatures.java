package dev.bellman.approx.features;

/**
 * The Fourier cosine basis of Konidaris, Osentoski &amp; Thomas (2011), "Value Function
 * Approximation in Reinforcement Learning Using the Fourier Basis" (AAAI), also Sutton &amp; Barto
 * §9.5.2 and Zhao equation (8.18): {@code φ_i(s) = cos(π c_i · u)} where {@code u ∈ [0, 1]^k} is the
 * observation rescaled from its declared bounds and {@code c_i} runs over all of
 * {@code {0, ..., order}^k}, giving {@code (order + 1)^k} features.
 *
 * <p>Order: the coefficient vectors in lexicographic order with the last coordinate varying
 * fastest, so feature {@code i} has {@code c_i} = the base-{@code (order + 1)} digits of {@code i}.
 * In 2-D with order 1 this is Zhao's {@code [1, cos(πy), cos(πx), cos(π(x + y))]} for
 * {@code s = (x, y)}. {@link #coefficients()} lists them.
 *
 * <p>The paper recommends a step size per feature, {@code α_i = α / ||c_i||} (and α for
 * {@code c = 0}); {@link #learningRateScales()} gives the factors {@code α_i / α}.
 */
public final class FourierFeatures implements Features<double[]> {

    private final int order;
    private final Bounds bounds;
    private final int dimension;
    /** Row-major: coefficient of coordinate i in feature j at [j * k + i], as double for the dot product. */
    private final double[] coefficients;

    /**
     * @param order the largest coefficient per coordinate, 0 or more
     * @param low   the lower bound of each observation coordinate
     * @param high  the upper bound of each observation coordinate, above {@code low}
     * @throws IllegalArgumentException if {@code order < 0}, the bounds are null, empty, of different
     *                                  lengths, not finite or not increasing, or there would be more
     *                                  than 2^24 features
     */
    public FourierFeatures(int order, double[] low, double[] high) {
        this.order = Checks.order(order);
        this.bounds = new Bounds(low, high);
        int k = bounds.dimension();
        long count = 1;
        for (int i = 0; i < k && count <= Checks.MAX_DIMENSION; i++) {
            count *= order + 1L;
        }
        this.dimension = Checks.dimension(count, "order " + order + " in " + k + " dimensions");
        this.coefficients = new double[dimension * k];
        for (int j = 0; j < dimension; j++) {
            int rest = j;
            for (int i = k - 1; i >= 0; i--) {
                coefficients[j * k + i] = rest % (order + 1);
                rest /= order + 1;
            }
        }
    }

    /** @return the largest coefficient per coordinate */
    public int order() {
        return order;
    }

    /** @return a copy of the lower bounds */
    public double[] low() {
        return bounds.low();
    }

    /** @return a copy of the upper bounds */
    public double[] high() {
        return bounds.high();
    }

    /** @return a copy of the coefficient vectors: row {@code j} holds {@code c_j} */
    public int[][] coefficients() {
        int k = bounds.dimension();
        int[][] copy = new int[dimension][k];
        for (int j = 0; j < dimension; j++) {
            for (int i = 0; i < k; i++) {
                copy[j][i] = (int) coefficients[j * k + i];
            }
        }
        return copy;
    }

    /**
     * The per-feature step-size factors of Konidaris et al. (2011) §4: {@code 1 / ||c_i||} (Euclidean
     * norm), and 1 for the constant feature {@code c = 0}; multiply a base step size α by them.
     *
     * @return a new array of {@link #dimension()} factors in {@code (0, 1]}
     */
    public double[] learningRateScales() {
        int k = bounds.dimension();
        double[] scales = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            double squared = 0;
            for (int i = 0; i < k; i++) {
                squared += coefficients[j * k + i] * coefficients[j * k + i];
            }
            scales[j] = squared == 0 ? 1.0 : 1.0 / Math.sqrt(squared);
        }
        return scales;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /**
     * @param observation a point in {@code [low, high]}, one coordinate per dimension
     * @param out         receives {@code cos(π c_j · u)} for each feature {@code j}
     * @throws IllegalArgumentException if {@code out} is too short, or the observation is null, of
     *                                  another dimension, NaN or outside the bounds
     */
    @Override
    public void write(double[] observation, double[] out) {
        Checks.buffer(out, dimension, "out");
        bounds.check(observation);
        int k = bounds.dimension();
        for (int j = 0, base = 0; j < dimension; j++, base += k) {
            double dot = 0;
            for (int i = 0; i < k; i++) {
                dot += coefficients[base + i] * bounds.unit(i, observation[i]);
            }
            out[j] = Math.cos(Math.PI * dot);
        }
    }

    @Override
    public String toString() {
        return "FourierFeatures[order " + order + ", " + dimension + " features, " + bounds + "]";
    }
}
