package dev.bellman.deep.dqn;

import dev.bellman.core.Environment;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.deep.checkpoint.ConfigurationCheck;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.core.wrappers.VectorEnvironment;
import dev.bellman.deep.nn.Activation;
import dev.bellman.deep.nn.Adam;
import dev.bellman.deep.nn.FloatViews;
import dev.bellman.deep.nn.Mlp;
import dev.bellman.deep.nn.MlpConfig;
import dev.bellman.deep.nn.Nd4jThreads;
import dev.bellman.deep.replay.Batch;
import dev.bellman.deep.replay.PrioritizedReplayBuffer;
import dev.bellman.deep.replay.Replay;
import dev.bellman.deep.replay.ReplayBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep Q-learning (Mnih et al. 2015) with Stable-Baselines3's schedule of work, so that rl-zoo's
 * hyper-parameters mean what they say: {@code learningStarts} steps of uniformly random actions;
 * then ε-greedy actions with ε falling linearly from {@code initialEpsilon} to
 * {@code finalEpsilon} over {@code explorationFraction} of the planned steps; every
 * {@code trainFrequency} environment steps, {@code gradientSteps} gradient steps on batches drawn
 * uniformly from the replay buffer; every {@code targetUpdateInterval} environment steps, the target
 * network moves to the online one ({@code θ' ← τθ + (1 − τ)θ'}).
 *
 * <p>One gradient step, in the order the paper writes it:
 * <pre>{@code
 * sample (s, a, R, s', discount) from the buffer            (discount = γ^n, or 0 after termination)
 * y = R + discount · max_a' Q_target(s', a')                 (double DQN: Q_target(s', argmax_a' Q(s', a')))
 * loss = mean Huber(Q(s, a) − y), δ = 1                      (SB3's smooth L1; or squared error)
 * gradients of the loss, clipped to global norm maxGradientNorm; one Adam step
 * }</pre>
 * A truncated episode bootstraps from its final observation; only termination stops the
 * bootstrap. Matrix products run through ND4J; action selection runs on the network's plain-Java
 * path.
 *
 * <p>On a vector environment ({@link #train(VectorEnvironment, dev.bellman.core.Budget)}, with
 * {@code nSteps} 1) the copies' actions are chosen together and the greedy copies' Q-values come
 * from one batch ({@link #BATCHED_FORWARD_MIN_COPIES}). Every copy's transition counts as one environment step of the
 * schedule above, so the settings mean the same for any number of copies and one copy gives the
 * single-environment run. (Stable-Baselines3 with {@code n_envs = N} instead trains every
 * {@code trainFrequency} vector steps and flips one ε coin per vector step: to repeat such a run,
 * multiply {@code trainFrequency} by N.)
 *
 * <p>With {@code prioritized}, transitions are drawn in proportion to {@code (|δ| + ε)^α}, each
 * sample's loss is weighted by its importance weight, β rises linearly from
 * {@code priorityBetaStart} to 1 over the planned steps, and the sampled transitions' priorities
 * are updated with their new TD errors after every gradient step.
 *
 * <p>Metrics reported after every training phase: {@value #METRIC_LOSS}, {@value #METRIC_Q},
 * {@value #METRIC_EPSILON}, {@value #METRIC_GRADIENT_NORM}.
 *
 * <p>Checkpoints ({@link #saveCheckpoint}, {@link #checkpointEvery}) hold the settings, checked on
 * loading, the online and target networks, Adam's moments and step count, ε, the gradient-step
 * count and, with {@link DqnConfig#checkpointReplay()}, the replay buffer (with its priorities).
 * Without the buffer a resumed run starts from an empty one: it is a valid continuation, but not
 * the uninterrupted run's numbers.
 */
public final class Dqn extends EpisodicLearner<double[], Integer> {

    /** Metric key: mean loss (Huber or squared error) of the last training phase. */
    public static final String METRIC_LOSS = "loss";
    /** Metric key: mean Q(s, a) of the sampled pairs in the last training phase. */
    public static final String METRIC_Q = "q_mean";
    /** Metric key: the exploration rate. */
    public static final String METRIC_EPSILON = "epsilon";
    /** Metric key: the gradient's global norm before clipping, averaged over the phase. */
    public static final String METRIC_GRADIENT_NORM = "gradient_norm";

    /**
     * From this many copies of a vector environment on, {@link #actAll} evaluates them with one
     * ND4J forward pass: measured on the zoo's 4-256-256-2 network, it costs 0.72× the plain-Java
     * path per observation at 8 copies and 0.23× at 64, but 1.76× at 4 (DqnVectorActing,
     * docs/benchmarks.md).
     */
    public static final int BATCHED_FORWARD_MIN_COPIES = 8;

    /** Placeholder in {@link #actAll}'s list for a copy whose greedy action is still to be computed. */
    private static final int GREEDY = -1;

    private final DqnConfig config;
    private final long plannedSteps;
    private Mlp online;
    private Mlp target;
    private Adam optimizer;
    private Replay replay;
    private Batch batch;
    private int observationSize;
    private int actionCount;
    private INDArray observations;
    private INDArray nextObservations;
    private INDArray outputGradient;
    private double[] actionValues;
    private double[] batchValues = new double[0];
    private final List<double[]> greedyObservations = new ArrayList<>();
    private INDArray actingInput;
    private float[] actingScratch;
    private float[] nextValues;
    private double[] tdErrors;
    private double epsilon;
    private long gradientStepsDone;

    /**
     * @param config       the hyper-parameters
     * @param plannedSteps the length of the training run in environment steps, over which ε's
     *                     schedule is laid out (SB3's {@code total_timesteps}); at least 1
     * @param seed         seeds the networks' initialisation, exploration, replay sampling and the
     *                     environment's first reset
     * @throws IllegalArgumentException if {@code config} is null or {@code plannedSteps < 1}
     */
    public Dqn(DqnConfig config, long plannedSteps, long seed) {
        super(seed, 0);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        if (plannedSteps < 1) {
            throw new IllegalArgumentException("plannedSteps " + plannedSteps + " must be at least 1");
        }
        this.config = config;
        this.plannedSteps = plannedSteps;
        this.epsilon = config.initialEpsilon();
    }

    /** @return the hyper-parameters */
    public DqnConfig config() {
        return config;
    }

    /**
     * Builds the networks and the buffer on the first call; later calls check that the
     * environment has the same spaces.
     *
     * @throws IllegalArgumentException if the observations are not a {@link BoxSpace} or the
     *                                  actions not a {@link DiscreteSpace}, or they differ from the
     *                                  spaces the networks were built for
     */
    @Override
    protected void prepare(Environment<double[], Integer> env) {
        if (!(env.observationSpace() instanceof BoxSpace box) || !(env.actionSpace() instanceof DiscreteSpace actions)) {
            throw new IllegalArgumentException("DQN needs Box observations and Discrete actions; the environment has "
                    + env.observationSpace() + " and " + env.actionSpace());
        }
        if (online != null) {
            if (box.dimension() != observationSize || actions.n() != actionCount) {
                throw new IllegalArgumentException("this DQN was built for " + observationSize + " observation values and "
                        + actionCount + " actions; the environment has " + box.dimension() + " and " + actions.n());
            }
            return;
        }
        Nd4jThreads.use(config.threads());
        observationSize = box.dimension();
        actionCount = actions.n();
        int[] hidden = config.hiddenLayers();
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = observationSize;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = actionCount;
        online = new Mlp(new MlpConfig(sizes, Activation.RELU, Activation.IDENTITY, config.dueling()), seed());
        target = online.copy();
        optimizer = new Adam(config.learningRate(), 0.9, 0.999, 1e-8);
        replay = newReplay();
        batch = new Batch(config.batchSize(), observationSize, 1);
        observations = Nd4j.create(DataType.FLOAT, config.batchSize(), observationSize);
        nextObservations = Nd4j.create(DataType.FLOAT, config.batchSize(), observationSize);
        outputGradient = Nd4j.create(DataType.FLOAT, config.batchSize(), actionCount);
        actionValues = new double[actionCount];
        nextValues = new float[config.batchSize()];
        tdErrors = new double[config.batchSize()];
    }

    private Replay newReplay() {
        return config.prioritized()
                ? new PrioritizedReplayBuffer(config.bufferSize(), observationSize, 1, config.gamma(), config.nSteps(),
                        config.priorityAlpha(), config.priorityBetaStart(), PrioritizedReplayBuffer.DEFAULT_EPSILON)
                : new ReplayBuffer(config.bufferSize(), observationSize, 1, config.gamma(), config.nSteps());
    }

    /**
     * Allows training on a vector environment when transitions are stored one step at a time:
     * an n-step window would mix the copies' interleaved episodes.
     *
     * @throws UnsupportedOperationException if {@code nSteps > 1}
     * @throws IllegalArgumentException      as {@link #prepare}, for copy 0's spaces
     */
    @Override
    protected void prepareVector(VectorEnvironment<double[], Integer> envs) {
        if (config.nSteps() > 1) {
            throw new UnsupportedOperationException("DQN with nSteps " + config.nSteps()
                    + " cannot train on a vector environment: the copies' episodes interleave in one n-step window;"
                    + " use nSteps 1 or a single environment");
        }
        prepare(envs.environments().get(0));
    }

    /**
     * Chooses every copy's action as {@link #act} would, in copy order (copy {@code i} counts as
     * step {@code totalSteps() + i} against {@code learningStarts}, and draws its own ε coin), then
     * computes the Q-values of the greedy copies in one batch: below
     * {@value #BATCHED_FORWARD_MIN_COPIES} copies on the plain-Java path
     * ({@link Mlp#predict(List, double[])}, bit-identical to one observation at a time), from
     * {@value #BATCHED_FORWARD_MIN_COPIES} on with one ND4J forward pass over every copy, which is
     * faster per observation there (docs/benchmarks.md). With one copy it draws the same random
     * numbers and takes the same actions as {@link #act}.
     */
    @Override
    protected void actAll(List<double[]> observations, List<Integer> actions) {
        greedyObservations.clear();
        for (int i = 0; i < observations.size(); i++) {
            if (totalSteps() + i < config.learningStarts() || random().nextDouble() < epsilon) {
                actions.add(random().nextInt(actionCount));
            } else {
                actions.add(GREEDY);
                greedyObservations.add(observations.get(i));
            }
        }
        if (greedyObservations.isEmpty()) {
            return;
        }
        int copies = observations.size();
        boolean everyCopy = copies >= BATCHED_FORWARD_MIN_COPIES;
        if (batchValues.length < copies * actionCount) {
            batchValues = new double[copies * actionCount];
        }
        if (everyCopy) {
            forwardEveryCopy(observations);
        } else {
            online.predict(greedyObservations, batchValues);
        }
        int row = 0;
        for (int i = 0; i < copies; i++) {
            if (actions.get(i) == GREEDY) {
                int valuesRow = everyCopy ? i : row++;
                System.arraycopy(batchValues, valuesRow * actionCount, actionValues, 0, actionCount);
                actions.set(i, greedyAction(observations.get(i), i));
            }
        }
    }

    /**
     * One ND4J forward pass over all copies' observations into {@code batchValues}: a fixed batch
     * size, so the network keeps one set of work arrays for it whatever the number of greedy copies.
     */
    private void forwardEveryCopy(List<double[]> observations) {
        int copies = observations.size();
        if (actingInput == null || actingInput.rows() != copies) {
            actingInput = Nd4j.create(DataType.FLOAT, copies, observationSize);
            actingScratch = new float[copies * observationSize];
        }
        for (int i = 0; i < copies; i++) {
            double[] observation = observations.get(i);
            if (observation.length != observationSize) {
                throw new IllegalArgumentException("observation of copy " + i + " has length " + observation.length
                        + "; the network takes " + observationSize);
            }
            for (int k = 0; k < observationSize; k++) {
                actingScratch[i * observationSize + k] = (float) observation[k];
            }
        }
        FloatViews.view(actingInput, "observations").put(0, actingScratch);
        FloatBuffer values = FloatViews.view(online.forward(actingInput), "Q-values");
        for (int k = 0; k < copies * actionCount; k++) {
            batchValues[k] = values.get(k);
        }
    }

    /** A new episode: n-step tails of an episode the budget cut short are stored as truncated. */
    @Override
    protected void beginEpisode(double[] observation) {
        replay.endEpisode();
    }

    @Override
    protected Integer act(double[] observation) {
        if (totalSteps() < config.learningStarts() || random().nextDouble() < epsilon) {
            return random().nextInt(actionCount);
        }
        online.predict(observation, actionValues);
        return greedyAction(observation, 0);
    }

    /**
     * The first action of highest value in {@code actionValues}, after checking they are finite;
     * {@code copy} is the copy's index in a vector step (0 for a single environment).
     */
    private int greedyAction(double[] observation, int copy) {
        for (double value : actionValues) {
            if (!Double.isFinite(value)) {
                // argmax would quietly pick action 0 from NaNs: stop instead.
                throw diverged("a Q-value", value, "DQN found it choosing the action of environment step " + (totalSteps() + 1 + copy)
                        + ", after gradient step " + gradientStepsDone + ": Q-values " + Arrays.toString(actionValues)
                        + " of observation " + Arrays.toString(observation) + "; try a smaller learning rate");
            }
        }
        return argmax(actionValues);
    }

    @Override
    protected void update(double[] observation, Integer action, double reward, double[] next, boolean terminated,
                          boolean truncated) {
        replay.add(observation, action, reward, next, terminated, truncated);
        long steps = totalSteps();
        double progress = Math.min(1.0, steps / (config.explorationFraction() * plannedSteps));
        epsilon = config.initialEpsilon() + (config.finalEpsilon() - config.initialEpsilon()) * progress;
        if (steps % config.targetUpdateInterval() == 0) {
            target.polyakUpdate(online, config.tau());
        }
        // With n-step returns the buffer lags the steps by up to n − 1 transitions: wait for a full batch.
        if (steps % config.trainFrequency() == 0 && steps > config.learningStarts() && replay.size() >= config.batchSize()) {
            double fraction = Math.min(1.0, (double) steps / plannedSteps);
            replay.setBeta(config.priorityBetaStart() + (1 - config.priorityBetaStart()) * fraction);
            trainPhase();
        }
    }

    private void trainPhase() {
        double loss = 0;
        double q = 0;
        double norm = 0;
        int steps = config.gradientSteps();
        for (int i = 0; i < steps; i++) {
            GradientStep result = gradientStep();
            loss += result.loss();
            q += result.meanQ();
            norm += result.gradientNorm();
        }
        if (steps > 0) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put(METRIC_LOSS, loss / steps);
            metrics.put(METRIC_Q, q / steps);
            metrics.put(METRIC_EPSILON, epsilon);
            metrics.put(METRIC_GRADIENT_NORM, norm / steps);
            reportMetrics(metrics);
        }
    }

    private record GradientStep(double loss, double meanQ, double gradientNorm) {
    }

    private GradientStep gradientStep() {
        replay.sample(batch, random());
        int size = config.batchSize();
        FloatViews.view(observations, "observations").put(batch.observations(), 0, size * observationSize);
        FloatViews.view(nextObservations, "next observations").put(batch.nextObservations(), 0, size * observationSize);

        // Next-state values first: the online network's last forward must be the one backward uses.
        int[] nextActions = null;
        if (config.doubleDqn()) {
            nextActions = argmaxRows(FloatViews.view(online.forward(nextObservations), "online Q"), size);
        }
        FloatBuffer targetValues = FloatViews.view(target.forward(nextObservations), "target Q");
        for (int i = 0; i < size; i++) {
            int row = i * actionCount;
            if (nextActions != null) {
                nextValues[i] = targetValues.get(row + nextActions[i]);
            } else {
                float best = targetValues.get(row);
                for (int a = 1; a < actionCount; a++) {
                    best = Math.max(best, targetValues.get(row + a));
                }
                nextValues[i] = best;
            }
        }

        FloatBuffer current = FloatViews.view(online.forward(observations), "online Q");
        FloatBuffer gradient = FloatViews.view(outputGradient, "output gradient");
        int[] actions = batch.actions();
        float[] rewards = batch.rewards();
        float[] discounts = batch.discounts();
        float[] weights = batch.weights();
        boolean huber = config.loss() == DqnConfig.Loss.HUBER;
        double loss = 0;
        double qSum = 0;
        for (int i = 0; i < size; i++) {
            int row = i * actionCount;
            for (int a = 0; a < actionCount; a++) {
                gradient.put(row + a, 0f);
            }
            double q = current.get(row + actions[i]);
            double y = rewards[i] + (double) discounts[i] * nextValues[i];
            double error = q - y;
            double absolute = Math.abs(error);
            // Importance weights are 1 for uniform replay; prioritized replay corrects its bias with them.
            if (huber) {
                loss += weights[i] * (absolute < 1 ? 0.5 * error * error : absolute - 0.5);
                gradient.put(row + actions[i], (float) (weights[i] * Math.max(-1, Math.min(1, error)) / size));
            } else {
                loss += weights[i] * error * error;
                gradient.put(row + actions[i], (float) (weights[i] * 2 * error / size));
            }
            tdErrors[i] = error;
            qSum += q;
        }
        online.backward(outputGradient);
        double norm = online.clipGradientsByGlobalNorm(config.maxGradientNorm());
        if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
            boolean lossDiverged = !Double.isFinite(loss);
            throw diverged(lossDiverged ? "the loss" : "the gradient norm", lossDiverged ? loss / size : norm,
                    "DQN at gradient step " + gradientStepsDone + " had loss " + loss / size + " and gradient norm " + norm
                            + "; try a smaller learning rate");
        }
        optimizer.step(online);
        replay.updatePriorities(batch.indices(), tdErrors);
        gradientStepsDone++;
        return new GradientStep(loss / size, qSum / size, norm);
    }

    private int[] argmaxRows(FloatBuffer values, int rows) {
        int[] best = new int[rows];
        for (int i = 0; i < rows; i++) {
            int row = i * actionCount;
            int arg = 0;
            for (int a = 1; a < actionCount; a++) {
                if (values.get(row + a) > values.get(row + arg)) {
                    arg = a;
                }
            }
            best[i] = arg;
        }
        return best;
    }

    /** @return the first index of the largest value, as {@code torch.argmax} */
    static int argmax(double[] values) {
        int best = 0;
        for (int a = 1; a < values.length; a++) {
            if (values[a] > values[best]) {
                best = a;
            }
        }
        return best;
    }

    /**
     * Writes the settings, the networks, the optimizer, ε, the gradient-step count and, if
     * {@link DqnConfig#checkpointReplay()}, the replay buffer.
     *
     * @throws IOException if writing fails
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        ConfigurationCheck.write(out, config);
        out.writeLong(plannedSteps);
        out.writeLong(observationSize);
        out.writeLong(actionCount);
        out.writeObject("online-network", online);
        out.writeObject("target-network", target);
        out.writeObject("optimizer", optimizer);
        out.writeDouble(epsilon);
        out.writeLong(gradientStepsDone);
        if (config.checkpointReplay()) {
            out.writeObject("replay", replay);
        }
    }

    /**
     * Reads what {@link #writeLearnerState} wrote. Without the replay buffer in the checkpoint the
     * buffer is emptied, so that no transition of another run is replayed.
     *
     * @throws dev.bellman.core.checkpoint.InvalidCheckpointException if the checkpoint was made with
     *                                                                other settings, planned steps or spaces
     * @throws IOException                                            if reading fails
     */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        ConfigurationCheck.expect(in, config);
        in.expectLong("planned steps", plannedSteps);
        in.expectLong("observation size", observationSize);
        in.expectLong("action count", actionCount);
        in.readObject("online-network", online);
        in.readObject("target-network", target);
        in.readObject("optimizer", optimizer);
        epsilon = in.readDouble();
        gradientStepsDone = in.readLong();
        if (config.checkpointReplay()) {
            in.readObject("replay", replay);
        } else {
            replay = newReplay();
        }
    }

    /** @return the current exploration rate */
    public double epsilon() {
        return epsilon;
    }

    /** @return gradient steps taken so far */
    public long gradientSteps() {
        return gradientStepsDone;
    }

    /** @return the online network (for inspection and saving; changing it changes the learner) */
    public Mlp network() {
        requireBuilt();
        return online;
    }

    private void requireBuilt() {
        if (online == null) {
            throw new IllegalStateException("the DQN has not been trained yet; call train first");
        }
    }

    /**
     * The greedy policy of a snapshot of the online network: the first action of highest Q.
     *
     * @throws IllegalStateException before the first training call
     */
    @Override
    public Policy<double[], Integer> policy() {
        requireBuilt();
        return greedyPolicy(online.copy());
    }

    /**
     * The greedy policy of a Q-network: the first action of highest Q, as {@code torch.argmax}.
     * The policy reuses one buffer, so use it from one thread.
     *
     * @param network a network with one output per action; later changes to it change the policy
     * @return the policy
     * @throws IllegalArgumentException if {@code network} is null
     */
    public static Policy<double[], Integer> greedyPolicy(Mlp network) {
        if (network == null) {
            throw new IllegalArgumentException("network must not be null");
        }
        double[] values = new double[network.outputSize()];
        return (observation, rng) -> {
            network.predict(observation, values);
            return argmax(values);
        };
    }
}
