package dev.bellman.approx;

import dev.bellman.approx.features.Features;
import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

import java.io.IOException;

/**
 * Least-squares TD, LSTD(0), for estimating {@code v_π} with a linear function (Bradtke &amp; Barto
 * 1996; Sutton &amp; Barto §9.8, p.228): it accumulates, over every transition seen,
 * <pre>{@code
 * A ← A + φ(S) (φ(S) − γ φ(S'))ᵀ      (φ(S') = 0 if S' is terminal)
 * b ← b + R φ(S)
 * }</pre>
 * starting from {@code A = ridge · I} and {@code b = 0}, and estimates {@code w = A⁻¹ b}, the
 * fixed point of semi-gradient TD(0) on the data seen ({@code A w = b} is
 * {@code Σ_t φ(S_t) δ_t(w) = 0}). The system is solved with an LU decomposition (Apache Commons
 * Math) when the weights are next asked for, so a run costs {@code O(d²)} per step and
 * {@code O(d³)} per solve for {@code d} features; it suits up to a few thousand features. Alpha
 * is not used: there is no step size.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class Lstd<O, A> extends LinearPredictionLearner<O, A> {

    private final double ridge;
    private final double[][] matrix;
    private final double[] vector;
    private final double[] current;
    private final double[] difference;
    private final FeatureVector currentBuffer;
    private final FeatureVector nextBuffer;
    private final double[] nextDense;
    private boolean solved = true;

    /**
     * @param settings gamma, seed (alpha is ignored)
     * @param features the feature map φ
     * @param policy   the policy π to evaluate
     * @param ridge    the multiple of the identity {@code A} starts from, at least 0 (Sutton &amp;
     *                 Barto's ε); a small positive value keeps {@code A} invertible before every
     *                 feature has been seen
     * @throws IllegalArgumentException if an argument is null or {@code ridge} is negative or not finite
     */
    public Lstd(LearnerSettings settings, Features<O> features, Policy<O, A> policy, double ridge) {
        super(settings, features, policy);
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge " + ridge + " is invalid; expected a finite number >= 0");
        }
        int dimension = features.dimension();
        this.ridge = ridge;
        this.matrix = new double[dimension][dimension];
        for (int i = 0; i < dimension; i++) {
            matrix[i][i] = ridge;
        }
        this.vector = new double[dimension];
        this.current = new double[dimension];
        this.difference = new double[dimension];
        this.nextDense = new double[dimension];
        this.currentBuffer = FeatureVector.of(features);
        this.nextBuffer = FeatureVector.of(features);
    }

    /** @return the multiple of the identity the matrix started from */
    public double ridge() {
        return ridge;
    }

    @Override
    protected void update(O observation, A action, double reward, O nextObservation, boolean terminated,
                          boolean truncated) {
        double gamma = settings.gamma();
        currentBuffer.load(features, observation).copyDenseTo(current);
        if (terminated) {
            java.util.Arrays.fill(nextDense, 0.0);
        } else {
            nextBuffer.load(features, nextObservation).copyDenseTo(nextDense);
        }
        int dimension = current.length;
        for (int j = 0; j < dimension; j++) {
            difference[j] = current[j] - gamma * nextDense[j];
        }
        for (int i = 0; i < dimension; i++) {
            double phi = current[i];
            if (phi == 0.0) {
                continue;
            }
            double[] row = matrix[i];
            for (int j = 0; j < dimension; j++) {
                row[j] += phi * difference[j];
            }
            vector[i] += reward * phi;
        }
        solved = false;
    }

    /**
     * Solves {@code A w = b} if new data arrived since the last solve.
     *
     * @throws IllegalStateException if {@code A} is singular (some feature never active, or
     *                               collinear features): use a positive ridge
     */
    private void solve() {
        if (solved) {
            return;
        }
        try {
            RealVector solution = new LUDecomposition(new Array2DRowRealMatrix(matrix, false)).getSolver()
                    .solve(new ArrayRealVector(vector, false));
            for (int i = 0; i < weights.length; i++) {
                weights[i] = solution.getEntry(i);
            }
        } catch (SingularMatrixException e) {
            throw new IllegalStateException("the LSTD matrix A is singular after " + totalSteps()
                    + " steps (a feature never active, or features linearly dependent); use a positive ridge,"
                    + " got ridge = " + ridge, e);
        }
        solved = true;
    }

    /**
     * @return the LSTD solution {@code A⁻¹ b} for the data seen so far (the initial weights before any)
     * @throws IllegalStateException if {@code A} is singular
     */
    @Override
    public LinearStateValues<O> stateValues() {
        solve();
        return super.stateValues();
    }

    /**
     * @return a copy of the LSTD weights {@code A⁻¹ b}
     * @throws IllegalStateException if {@code A} is singular
     */
    @Override
    public double[] weights() {
        solve();
        return super.weights();
    }

    /**
     * Adds the ridge, which must match on loading, {@code A}, {@code b} and whether the weights
     * are the solution of the data so far.
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("lstd");
        out.writeString(Double.toString(ridge));
        for (double[] row : matrix) {
            out.writeDoubles(row);
        }
        out.writeDoubles(vector);
        out.writeBoolean(solved);
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("lstd");
        in.expectString("ridge", Double.toString(ridge));
        for (double[] row : matrix) {
            in.readDoubles(row, "entries of a row of A");
        }
        in.readDoubles(vector, "entries of b");
        solved = in.readBoolean();
    }
}
