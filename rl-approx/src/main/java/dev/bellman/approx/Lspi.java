package dev.bellman.approx;

import dev.bellman.approx.features.ActionFeatures;
import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Least-squares policy iteration, LSPI, with LSTDQ as its policy evaluation (Lagoudakis &amp; Parr,
 * "Least-Squares Policy Iteration", JMLR 4, 2003): a batch method that collects samples {@code (s, a, r, s')} once and then alternates
 * <pre>{@code
 * LSTDQ (policy evaluation of π, the greedy policy of w):
 *   A ← δI + Σ x(s, a) (x(s, a) − γ x(s', π(s')))ᵀ     (the γ term dropped when s' is terminal)
 *   b ← Σ r x(s, a)
 *   w' ← A⁻¹ b
 * policy improvement: π'(s) = argmax_a x(s, a)ᵀw'         (ties to the lowest action index)
 * }</pre>
 * until {@code ‖w' − w‖∞ < tolerance} or {@link Config#maxIterations()} iterations. The first
 * policy is greedy with respect to the initial weights ({@code initialValue} of the settings; all
 * zero gives action 0 everywhere).
 *
 * <p>Why a {@link LinearControlLearner} that solves lazily: {@link #train} (the shared
 * {@link dev.bellman.core.EpisodicLearner} loop, final) only collects samples, acting uniformly at
 * random from the learner's seeded stream; the iterations run on all samples collected so far when
 * the learned values are next asked for ({@link #policy()}, {@link #actionValues()},
 * {@link #weights()}) or when {@link #solve()} is called. This keeps the loop's seeding, episode
 * limits and listener calls instead of duplicating them, and lets further {@code train} calls add
 * samples: the next solve continues policy iteration from the current weights. Each iteration is
 * reported to the listeners under {@link #METRIC_ITERATION} and {@link #METRIC_WEIGHT_CHANGE};
 * {@link #solve()} also returns the outcome. Epsilon and alpha are not used.
 *
 * <p>Cost: samples are kept as dense feature vectors, {@code (1 + actionCount) · d} doubles each
 * (x(s, a) and x(s', a') for every a'), so that an iteration needs no feature evaluation; an
 * iteration costs {@code O(samples · (actionCount · d + d²))} to build {@code A} and
 * {@code O(d³)} to solve it (LU decomposition with partial pivoting, Apache Commons Math). LSPI
 * suits a few hundred features, not a 4096-entry tile coder.
 *
 * @param <O> the observation type
 */
public final class Lspi<O> extends LinearControlLearner<O> {

    /** Metric key of the number of the LSPI iteration just finished (1, 2, ...). */
    public static final String METRIC_ITERATION = "lspi_iteration";
    /** Metric key of {@code ‖w' − w‖∞}, the largest weight change of the iteration just finished. */
    public static final String METRIC_WEIGHT_CHANGE = "lspi_weight_change";

    /**
     * The settings of the policy iteration.
     *
     * @param ridge         δ, the multiple of the identity added once to {@code A} (not per sample),
     *                      at least 0; it keeps {@code A} invertible when a feature is never active
     *                      in the samples, and its weight relative to the data shrinks as samples
     *                      accumulate
     * @param tolerance     the iterations stop once {@code ‖w' − w‖∞} is below this, above 0
     * @param maxIterations the largest number of iterations per {@link #solve()}, at least 1
     */
    public record Config(double ridge, double tolerance, int maxIterations) {

        /**
         * The defaults: δ = 10⁻⁶ (small against sums over thousands of samples, large against
         * Commons Math's singularity threshold of 10⁻¹¹); tolerance 10⁻⁵, the default of the
         * Python port of Lagoudakis &amp; Parr's code (lspi-python); at most 20 iterations
         * (Lagoudakis &amp; Parr's examples settle in fewer than 10, and a stable policy costs one
         * more iteration to confirm).
         */
        public static final Config DEFAULTS = new Config(1e-6, 1e-5, 20);

        /**
         * @param ridge         δ, the multiple of the identity added once to {@code A}, at least 0
         * @param tolerance     the iterations stop once {@code ‖w' − w‖∞} is below this, above 0
         * @param maxIterations the largest number of iterations per {@link #solve()}, at least 1
         * @throws IllegalArgumentException if the ridge is negative or not finite, the tolerance is
         *                                  not above 0 or not finite, or {@code maxIterations < 1}
         */
        public Config {
            if (!(ridge >= 0) || Double.isInfinite(ridge)) {
                throw new IllegalArgumentException("ridge " + ridge + " is invalid; expected a finite number >= 0");
            }
            if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
                throw new IllegalArgumentException("tolerance " + tolerance + " is invalid; expected a finite number > 0");
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations " + maxIterations + " is invalid; expected at least 1");
            }
        }
    }

    /**
     * The outcome of a {@link #solve()}.
     *
     * @param iterations   the LSTDQ iterations run by the last solve (0 if there were no samples)
     * @param weightChange {@code ‖w' − w‖∞} of its last iteration ({@code NaN} if none ran)
     * @param converged    whether that change fell below the tolerance
     * @param samples      the number of samples the solve used
     */
    public record Result(int iterations, double weightChange, boolean converged, int samples) {
    }

    private final Config config;
    private final int dimension;
    private final FeatureVector buffer;
    private final double[] dense;
    /** x(s_k, a_k) at {@code [k·d, (k+1)·d)}. */
    private double[] stateActions;
    /** x(s'_k, a) at {@code [(k·actionCount + a)·d, ...)}; unused for terminal s'_k. */
    private double[] nextStateActions;
    private double[] rewards;
    private boolean[] terminals;
    private int sampleCount;
    private final double[][] matrix;
    private final double[] vector;
    private final double[] difference;
    private Result result = new Result(0, Double.NaN, false, 0);
    private boolean solved = true;

    /**
     * @param settings gamma, seed, episode limit (collection episodes are truncated there) and the
     *                 initial weight value; alpha and epsilon are not used
     * @param features the state-action features x(s, a)
     * @param config   ridge, tolerance and iteration limit (see {@link Config#DEFAULTS})
     * @throws IllegalArgumentException if an argument is null
     */
    public Lspi(LearnerSettings settings, ActionFeatures<O> features, Config config) {
        super(settings, features);
        this.config = Checks.notNull(config, "config");
        this.dimension = features.dimension();
        this.buffer = FeatureVector.of(features);
        this.dense = new double[dimension];
        int capacity = 64;
        this.stateActions = new double[capacity * dimension];
        this.nextStateActions = new double[capacity * actionCount() * dimension];
        this.rewards = new double[capacity];
        this.terminals = new boolean[capacity];
        this.matrix = new double[dimension][dimension];
        this.vector = new double[dimension];
        this.difference = new double[dimension];
    }

    /**
     * LSPI with {@link Config#DEFAULTS}.
     *
     * @param settings gamma, seed, episode limit and initial weight value
     * @param features the state-action features x(s, a)
     * @throws IllegalArgumentException if an argument is null
     */
    public Lspi(LearnerSettings settings, ActionFeatures<O> features) {
        this(settings, features, Config.DEFAULTS);
    }

    /** @return the settings of the policy iteration */
    public Config config() {
        return config;
    }

    /** @return the number of samples collected so far */
    public int sampleCount() {
        return sampleCount;
    }

    /** The behaviour that collects the samples: uniformly random, from the learner's stream. */
    @Override
    protected Integer act(O observation) {
        return random().nextInt(actionCount());
    }

    /** Stores the sample; the iterations run at the next {@link #solve()}. */
    @Override
    protected void update(O observation, Integer action, double reward, O next, boolean terminated,
                          boolean truncated) {
        ensureCapacity(sampleCount + 1);
        int k = sampleCount;
        buffer.load(features, observation, action).copyDenseTo(dense);
        System.arraycopy(dense, 0, stateActions, k * dimension, dimension);
        if (!terminated) {
            for (int a = 0; a < actionCount(); a++) {
                buffer.load(features, next, a).copyDenseTo(dense);
                System.arraycopy(dense, 0, nextStateActions, (k * actionCount() + a) * dimension, dimension);
            }
        }
        rewards[k] = reward;
        terminals[k] = terminated;
        sampleCount++;
        solved = false;
    }

    /**
     * Runs policy iteration on the samples collected so far, from the current weights, unless it has
     * already run on exactly these samples; reports every iteration to the listeners.
     *
     * @return the number of iterations, the last weight change and whether it converged
     * @throws IllegalStateException if {@code A} is singular (use a positive ridge)
     */
    public Result solve() {
        if (solved) {
            return result;
        }
        double[] newWeights = new double[dimension];
        int iteration = 0;
        double change = Double.NaN;
        boolean converged = false;
        while (!converged && iteration < config.maxIterations()) {
            iteration++;
            evaluateGreedyPolicy(newWeights);
            change = 0;
            for (int i = 0; i < dimension; i++) {
                change = Math.max(change, Math.abs(newWeights[i] - weights[i]));
            }
            System.arraycopy(newWeights, 0, weights, 0, dimension);
            converged = change < config.tolerance();
            reportMetrics(Map.of(METRIC_ITERATION, (double) iteration, METRIC_WEIGHT_CHANGE, change));
        }
        result = new Result(iteration, change, converged, sampleCount);
        solved = true;
        return result;
    }

    /** LSTDQ: writes into {@code out} the weights of the greedy policy of {@link #weights}'s values. */
    private void evaluateGreedyPolicy(double[] out) {
        double gamma = settings.gamma();
        for (double[] row : matrix) {
            Arrays.fill(row, 0.0);
        }
        for (int i = 0; i < dimension; i++) {
            matrix[i][i] = config.ridge();
        }
        Arrays.fill(vector, 0.0);
        for (int k = 0; k < sampleCount; k++) {
            int current = k * dimension;
            for (int j = 0; j < dimension; j++) {
                difference[j] = stateActions[current + j];
            }
            if (!terminals[k]) {
                int next = (k * actionCount() + greedyNextAction(k)) * dimension;
                for (int j = 0; j < dimension; j++) {
                    difference[j] -= gamma * nextStateActions[next + j];
                }
            }
            for (int i = 0; i < dimension; i++) {
                double x = stateActions[current + i];
                if (x == 0.0) {
                    continue;
                }
                double[] row = matrix[i];
                for (int j = 0; j < dimension; j++) {
                    row[j] += x * difference[j];
                }
                vector[i] += rewards[k] * x;
            }
        }
        try {
            RealVector solution = new LUDecomposition(new Array2DRowRealMatrix(matrix, false)).getSolver()
                    .solve(new ArrayRealVector(vector, false));
            for (int i = 0; i < dimension; i++) {
                out[i] = solution.getEntry(i);
            }
        } catch (SingularMatrixException e) {
            throw new IllegalStateException("the LSTDQ matrix A is singular with " + sampleCount + " samples (a feature"
                    + " never active, or features linearly dependent); use a positive ridge, got ridge = "
                    + config.ridge(), e);
        }
    }

    /** @return {@code argmax_a x(s'_k, a)ᵀw}, ties to the lowest index */
    private int greedyNextAction(int k) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actionCount(); a++) {
            int offset = (k * actionCount() + a) * dimension;
            double value = 0;
            for (int j = 0; j < dimension; j++) {
                value += nextStateActions[offset + j] * weights[j];
            }
            if (value > bestValue) {
                best = a;
                bestValue = value;
            }
        }
        return best;
    }

    private void ensureCapacity(int samples) {
        if (samples <= rewards.length) {
            return;
        }
        int capacity = Math.max(samples, rewards.length * 2);
        long nextLength = (long) capacity * actionCount() * dimension;
        if (nextLength > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("LSPI cannot store " + samples + " samples of " + dimension
                    + " features and " + actionCount() + " actions in one array; collect fewer samples");
        }
        stateActions = Arrays.copyOf(stateActions, capacity * dimension);
        nextStateActions = Arrays.copyOf(nextStateActions, (int) nextLength);
        rewards = Arrays.copyOf(rewards, capacity);
        terminals = Arrays.copyOf(terminals, capacity);
    }

    /**
     * @return a copy of the LSPI weights after policy iteration on the samples so far
     * @throws IllegalStateException if {@code A} is singular
     */
    @Override
    public double[] weights() {
        solve();
        return super.weights();
    }

    /**
     * @return the LSPI action values after policy iteration on the samples so far, a snapshot
     * @throws IllegalStateException if {@code A} is singular
     */
    @Override
    public LinearActionValues<O> actionValues() {
        solve();
        return super.actionValues();
    }

    /**
     * @return the greedy policy of the LSPI weights, ties to the lowest action index (as in the
     *         policy improvement step), a snapshot
     * @throws IllegalStateException if {@code A} is singular
     */
    @Override
    public Policy<O, Integer> policy() {
        LinearActionValues<O> values = actionValues();
        int actions = actionCount();
        return (observation, rng) -> {
            int best = 0;
            double bestValue = values.value(observation, 0);
            for (int a = 1; a < actions; a++) {
                double value = values.value(observation, a);
                if (value > bestValue) {
                    best = a;
                    bestValue = value;
                }
            }
            return best;
        };
    }

    /**
     * Adds the configuration, which must match on loading, the samples collected so far, the last
     * solve's result and whether the weights are the solution of these samples.
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("lspi");
        out.writeString(config.toString());
        out.writeInt(sampleCount);
        out.writeDoubles(Arrays.copyOf(stateActions, sampleCount * dimension));
        out.writeDoubles(Arrays.copyOf(nextStateActions, sampleCount * actionCount() * dimension));
        out.writeDoubles(Arrays.copyOf(rewards, sampleCount));
        out.writeBooleans(Arrays.copyOf(terminals, sampleCount));
        out.writeInt(result.iterations());
        out.writeDouble(result.weightChange());
        out.writeBoolean(result.converged());
        out.writeInt(result.samples());
        out.writeBoolean(solved);
    }

    /**
     * Reads what {@link #writeLearnerState} wrote.
     *
     * @throws InvalidCheckpointException if the configuration differs or the samples are inconsistent
     */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("lspi");
        in.expectString("config", config.toString());
        int samples = in.readInt();
        if (samples < 0) {
            throw new InvalidCheckpointException("the checkpoint holds " + samples + " LSPI samples");
        }
        double[] savedStateActions = in.readDoubles("state-action features of the samples");
        double[] savedNextStateActions = in.readDoubles("next state-action features of the samples");
        double[] savedRewards = in.readDoubles("rewards of the samples");
        boolean[] savedTerminals = new boolean[samples];
        in.readBooleans(savedTerminals, "terminal flags of the samples");
        if (savedStateActions.length != (long) samples * dimension
                || savedNextStateActions.length != (long) samples * actionCount() * dimension || savedRewards.length != samples) {
            throw new InvalidCheckpointException("the checkpoint's " + samples + " LSPI samples do not have " + dimension
                    + " features for each of " + actionCount() + " actions");
        }
        ensureCapacity(samples);
        System.arraycopy(savedStateActions, 0, stateActions, 0, savedStateActions.length);
        System.arraycopy(savedNextStateActions, 0, nextStateActions, 0, savedNextStateActions.length);
        System.arraycopy(savedRewards, 0, rewards, 0, samples);
        System.arraycopy(savedTerminals, 0, terminals, 0, samples);
        sampleCount = samples;
        result = new Result(in.readInt(), in.readDouble(), in.readBoolean(), in.readInt());
        solved = in.readBoolean();
    }
}
