package dev.bellman.approx.features;

import java.util.Arrays;

/**
 * Gaussian radial basis functions (Sutton &amp; Barto §9.5.5):
 * {@code φ_i(s) = exp(-||u - c_i||² / (2σ²))}, where {@code u ∈ [0, 1]^k} is the observation
 * rescaled from its declared bounds and the centres {@code c_i} form a regular grid over
 * {@code [0, 1]^k}.
 *
 * <p>With {@code m} centres in a dimension they sit at {@code 0, 1/(m-1), ..., 1} (a single centre
 * at 0.5). The centres are listed in lexicographic order of their grid indices, the last coordinate
 * varying fastest; with {@code includeConstant} a constant feature 1 comes first. The width σ is in
 * normalised units, the same in every dimension.
 */
public final class RadialBasisFeatures implements Features<double[]> {

    private final Bounds bounds;
    private final int[] centersPerDimension;
    private final double sigma;
    private final boolean includeConstant;
    private final int centerCount;
    private final int dimension;
    /** Row-major: coordinate i of centre j at [j * k + i], in normalised units. */
    private final double[] centers;
    private final double inverseTwoSigmaSquared;

    /**
     * The same number of centres in every dimension.
     *
     * @param low                 the lower bound of each observation coordinate
     * @param high                the upper bound of each observation coordinate, above {@code low}
     * @param centersPerDimension the number of centres along every dimension, at least 1
     * @param sigma               the width σ in normalised units, positive and finite
     * @param includeConstant     whether feature 0 is the constant 1
     * @throws IllegalArgumentException as {@link #RadialBasisFeatures(double[], double[], int[], double, boolean)}
     */
    public RadialBasisFeatures(double[] low, double[] high, int centersPerDimension, double sigma,
                               boolean includeConstant) {
        this(low, high, filled(low, centersPerDimension), sigma, includeConstant);
    }

    /**
     * @param low                 the lower bound of each observation coordinate
     * @param high                the upper bound of each observation coordinate, above {@code low}
     * @param centersPerDimension the number of centres along each dimension, each at least 1
     * @param sigma               the width σ, in normalised units (the bounds map to [0, 1]), positive and finite
     * @param includeConstant     whether feature 0 is the constant 1
     * @throws IllegalArgumentException if the bounds are invalid (null, empty, of different lengths,
     *                                  not finite or not increasing), the centre counts are null, of
     *                                  another dimension or not positive, σ is not positive and
     *                                  finite, or there would be more than 2^24 features
     */
    public RadialBasisFeatures(double[] low, double[] high, int[] centersPerDimension, double sigma,
                               boolean includeConstant) {
        this.bounds = new Bounds(low, high);
        int k = bounds.dimension();
        Checks.notNull(centersPerDimension, "centersPerDimension");
        if (centersPerDimension.length != k) {
            throw new IllegalArgumentException("centersPerDimension has " + centersPerDimension.length
                    + " entries; expected " + k + ", one per dimension");
        }
        this.centersPerDimension = centersPerDimension.clone();
        long count = 1;
        for (int i = 0; i < k; i++) {
            Checks.positive(this.centersPerDimension[i], "centersPerDimension[" + i + "]");
            count = Math.min(count * this.centersPerDimension[i], Checks.MAX_DIMENSION + 1L);
        }
        if (!(sigma > 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException("sigma " + sigma + " is not a positive finite number");
        }
        this.sigma = sigma;
        this.includeConstant = includeConstant;
        this.centerCount = Checks.dimension(count + (includeConstant ? 1 : 0), "the centre grid")
                - (includeConstant ? 1 : 0);
        this.dimension = centerCount + (includeConstant ? 1 : 0);
        this.centers = new double[centerCount * k];
        for (int j = 0; j < centerCount; j++) {
            int rest = j;
            for (int i = k - 1; i >= 0; i--) {
                int m = this.centersPerDimension[i];
                int index = rest % m;
                rest /= m;
                centers[j * k + i] = m == 1 ? 0.5 : (double) index / (m - 1);
            }
        }
        this.inverseTwoSigmaSquared = 1.0 / (2.0 * sigma * sigma);
    }

    private static int[] filled(double[] low, int count) {
        if (low == null) {
            throw new IllegalArgumentException("bounds low and high must not be null");
        }
        int[] counts = new int[low.length];
        Arrays.fill(counts, count);
        return counts;
    }

    /** @return the width σ in normalised units */
    public double sigma() {
        return sigma;
    }

    /** @return whether feature 0 is the constant 1 */
    public boolean includesConstant() {
        return includeConstant;
    }

    /** @return a copy of the number of centres along each dimension */
    public int[] centersPerDimension() {
        return centersPerDimension.clone();
    }

    /** @return a copy of the lower bounds */
    public double[] low() {
        return bounds.low();
    }

    /** @return a copy of the upper bounds */
    public double[] high() {
        return bounds.high();
    }

    /**
     * @param j a centre index in {@code [0, centerCount)} (feature {@code j}, or {@code j + 1} with the constant)
     * @return a copy of centre {@code j} in observation units (mapped back from {@code [0, 1]} to the bounds)
     * @throws IllegalArgumentException if {@code j} is out of range
     */
    public double[] center(int j) {
        if (j < 0 || j >= centerCount) {
            throw new IllegalArgumentException("centre " + j + " is outside [0, " + centerCount + ")");
        }
        int k = bounds.dimension();
        double[] center = new double[k];
        for (int i = 0; i < k; i++) {
            center[i] = bounds.low(i) + centers[j * k + i] * bounds.width(i);
        }
        return center;
    }

    /** @return the number of Gaussian features, without the constant */
    public int centerCount() {
        return centerCount;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /**
     * @param observation a point in {@code [low, high]}, one coordinate per dimension
     * @param out         receives the optional constant, then one Gaussian per centre
     * @throws IllegalArgumentException if {@code out} is too short, or the observation is null, of
     *                                  another dimension, NaN or outside the bounds
     */
    @Override
    public void write(double[] observation, double[] out) {
        Checks.buffer(out, dimension, "out");
        bounds.check(observation);
        int k = bounds.dimension();
        int first = 0;
        if (includeConstant) {
            out[0] = 1.0;
            first = 1;
        }
        for (int j = 0, base = 0; j < centerCount; j++, base += k) {
            double squared = 0;
            for (int i = 0; i < k; i++) {
                double d = bounds.unit(i, observation[i]) - centers[base + i];
                squared += d * d;
            }
            out[first + j] = Math.exp(-squared * inverseTwoSigmaSquared);
        }
    }

    @Override
    public String toString() {
        return "RadialBasisFeatures[" + centerCount + " centres, sigma " + sigma
                + (includeConstant ? ", with constant, " : ", ") + bounds + "]";
    }
}
