package dev.bellman.deep.ac;

import dev.bellman.core.Environment;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.deep.checkpoint.ConfigurationCheck;
import dev.bellman.deep.nn.Activation;
import dev.bellman.deep.nn.Adam;
import dev.bellman.deep.nn.FloatViews;
import dev.bellman.deep.nn.Mlp;
import dev.bellman.deep.nn.MlpConfig;
import dev.bellman.deep.nn.ModelFiles;
import dev.bellman.deep.nn.Nd4jThreads;
import dev.bellman.deep.nn.WorkerLane;
import dev.bellman.deep.replay.Batch;
import dev.bellman.deep.replay.ReplayBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The deterministic actor-critic shared by {@link Ddpg} and {@link Td3}, with Stable-Baselines3's
 * schedule of work so that rl-zoo's hyper-parameters mean what they say.
 *
 * <p>Acting: during the first {@code learningStarts} steps the scaled action is uniform in
 * [−1, 1]; after that it is the actor's output μ(s). Exploration noise is added to either, and the
 * sum clipped to [−1, 1] (as SB3 does); {@link ActionScaling} maps it to the action space's bounds.
 * Replay stores the scaled action.
 *
 * <p>Every {@code trainFrequency} steps after {@code learningStarts}, {@code gradientSteps}
 * gradient steps, each:
 * <pre>{@code
 * sample (s, a, r, s', discount) from the buffer                  (discount = γ, or 0 after termination)
 * ã = clip(μ'(s') + clip(N(0, σ̃²), −c, c), −1, 1)                 (TD3's target smoothing; DDPG: σ̃ = 0)
 * y = r + discount · min_k Q'_k(s', ã)                             (one critic for DDPG, two for TD3)
 * each critic: minimise mean (Q_k(s, a) − y)², one Adam step
 * every policyDelay-th gradient step:
 *     actor: minimise −mean Q_1(s, μ(s)), through ∂Q_1/∂a, one Adam step
 *     targets: θ' ← τ θ + (1 − τ) θ' for the actor and every critic
 * }</pre>
 * The actor's pass through Q_1 is computed on the two halves of the batch separately (rows
 * [0, n/2) and [n/2, n)), on one thread or two, so that {@code threads} never changes a number.
 * A truncated episode bootstraps from its final observation; only termination stops it. The actor is
 * an MLP with ReLU hidden layers and a tanh output; each critic takes the observation and the
 * scaled action side by side as its input.
 *
 * <p>Metrics reported after every training phase: {@value #METRIC_CRITIC_LOSS},
 * {@value #METRIC_ACTOR_LOSS} (when the actor was updated in the phase), {@value #METRIC_Q}.
 *
 * <p>Checkpoints ({@link #saveCheckpoint}, {@link #checkpointEvery}) hold the settings, checked on
 * loading, the actor, every critic and their targets, their Adam optimizers, the gradient-step and
 * actor-update counts, the exploration noise's state (its draws come from the learner's own
 * generator, which the checkpoint also holds) and, with {@link ActorCriticConfig#checkpointReplay()},
 * the replay buffer. Without the buffer a resumed run starts from an empty one: it is a valid
 * continuation, but not the uninterrupted run's numbers.
 *
 * <p>Not thread-safe.
 */
public abstract sealed class DeterministicActorCritic extends EpisodicLearner<double[], double[]> permits Ddpg, Td3 {

    /** Metric key: the critics' mean squared TD error, summed over the critics, averaged over the phase. */
    public static final String METRIC_CRITIC_LOSS = "critic_loss";
    /** Metric key: the actor's loss −mean Q_1(s, μ(s)), averaged over the phase's actor updates. */
    public static final String METRIC_ACTOR_LOSS = "actor_loss";
    /** Metric key: the mean Q_1(s, a) of the sampled pairs, averaged over the phase. */
    public static final String METRIC_Q = "q_mean";

    private static final String ACTOR_FILE = "actor.bin";

    private final ActorCriticConfig config;
    private int observationSize;
    private int actionSize;
    private ActionScaling scaling;
    private ActionNoise noise;

    private Mlp actor;
    private Mlp actorTarget;
    private Adam actorOptimizer;
    private Mlp[] critics;
    private Mlp[] criticTargets;
    private Adam[] criticOptimizers;

    private ReplayBuffer replay;
    private Batch batch;
    private INDArray observations;
    private INDArray nextObservations;
    private INDArray criticInput;
    private INDArray nextCriticInput;
    private INDArray[] criticGradients;
    private final INDArray[] halfInputs = new INDArray[2];
    private final float[][] halfInputHeaps = new float[2][];
    private final INDArray[] halfGradients = new INDArray[2];
    private final double[] halfSums = new double[2];
    /** With two lanes, a copy of the first critic for the second half of the actor's batch. */
    private Mlp criticMirror;
    private INDArray actorGradient;
    private float[] criticInputHeap;
    private float[] nextCriticInputHeap;
    private float[][] criticValues;
    private float[][] criticGradientHeaps;
    private float[] actorGradientHeap;
    private float[] actionsHeap;
    private float[] nextActionsHeap;
    private double[] smoothingNoise;
    private float[] targets;
    private float[] minimumNextValues;
    private double lastCriticLoss;
    private double lastMeanQ;
    /** The second core's lane when {@code threads >= 2}, else null. */
    private WorkerLane lane;
    private double[] scaledAction;
    private double[] noiseSample;
    private double[] lastAction;
    private double[] lastScaledAction;
    private long gradientStepsDone;
    private long actorUpdatesDone;

    /**
     * @param config the hyper-parameters
     * @param seed   seeds the networks' initialisation, exploration, replay sampling and the
     *               environment's first reset
     * @throws IllegalArgumentException if {@code config} is null
     */
    DeterministicActorCritic(ActorCriticConfig config, long seed) {
        super(seed, 0);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    /** @return the hyper-parameters */
    public ActorCriticConfig config() {
        return config;
    }

    /**
     * Builds the networks and the buffer on the first call; later calls check that the environment
     * has the same spaces.
     *
     * @throws IllegalArgumentException if the observations or actions are not a {@link BoxSpace},
     *                                  an action bound is infinite, or the spaces differ from those
     *                                  the networks were built for
     */
    @Override
    protected void prepare(Environment<double[], double[]> env) {
        if (!(env.observationSpace() instanceof BoxSpace box) || !(env.actionSpace() instanceof BoxSpace actions)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs Box observations and Box actions; "
                    + "the environment has " + env.observationSpace() + " and " + env.actionSpace());
        }
        ActionScaling environmentScaling = new ActionScaling(actions);
        if (actor != null && (box.dimension() != observationSize || actions.dimension() != actionSize)) {
            throw new IllegalArgumentException("this learner was built for " + observationSize + " observation values and "
                    + actionSize + " action values; the environment has " + box.dimension() + " and "
                    + actions.dimension());
        }
        scaling = environmentScaling;
        if (actor == null) {
            buildNetworks(box.dimension(), actions.dimension());
        }
        if (replay == null) {
            buildWorkspace();
        }
    }

    private void buildNetworks(int observations, int actions) {
        observationSize = observations;
        actionSize = actions;
        int[] hidden = config.hiddenLayers();
        // Independent streams per network, all from the learner's seed: same seed, same networks.
        SplittableRandom seeds = new SplittableRandom(seed());
        actor = new Mlp(new MlpConfig(CriticInputs.layers(observations, hidden, actions),
                Activation.RELU, Activation.TANH),
                seeds.nextLong());
        actorTarget = actor.copy();
        actorOptimizer = new Adam(config.actorLearningRate(), 0.9, 0.999, 1e-8);
        critics = new Mlp[config.critics()];
        criticTargets = new Mlp[config.critics()];
        criticOptimizers = new Adam[config.critics()];
        MlpConfig criticShape = new MlpConfig(CriticInputs.layers(observations + actions, hidden, 1),
                Activation.RELU,
                Activation.IDENTITY);
        for (int k = 0; k < critics.length; k++) {
            critics[k] = new Mlp(criticShape, seeds.nextLong());
            criticTargets[k] = critics[k].copy();
            criticOptimizers[k] = new Adam(config.criticLearningRate(), 0.9, 0.999, 1e-8);
        }
    }

    private void buildWorkspace() {
        // Each matrix product on one BLAS thread: a second core, if any, takes the worker lane.
        Nd4jThreads.use(1);
        int size = config.batchSize();
        replay = newReplay();
        batch = new Batch(size, observationSize, actionSize);
        observations = Nd4j.create(DataType.FLOAT, size, observationSize);
        nextObservations = Nd4j.create(DataType.FLOAT, size, observationSize);
        int criticWidth = observationSize + actionSize;
        criticInput = Nd4j.create(DataType.FLOAT, size, criticWidth);
        nextCriticInput = Nd4j.create(DataType.FLOAT, size, criticWidth);
        int criticCount = config.critics();
        criticGradients = new INDArray[criticCount];
        criticValues = new float[criticCount][size];
        criticGradientHeaps = new float[criticCount][size];
        for (int k = 0; k < criticCount; k++) {
            criticGradients[k] = Nd4j.create(DataType.FLOAT, size, 1);
        }
        int split = size / 2;
        int[] halfRows = {split, size - split};
        for (int half = 0; half < 2; half++) {
            // A batch of one leaves the first half empty: give it one row that is never read.
            int rows = Math.max(1, halfRows[half]);
            halfInputs[half] = Nd4j.create(DataType.FLOAT, rows, criticWidth);
            halfInputHeaps[half] = new float[rows * criticWidth];
            float[] gradient = new float[rows];
            Arrays.fill(gradient, (float) (-1.0 / size));
            halfGradients[half] = Nd4j.create(DataType.FLOAT, rows, 1);
            FloatViews.view(halfGradients[half], "half gradient").put(0, gradient);
        }
        actorGradient = Nd4j.create(DataType.FLOAT, size, actionSize);
        criticInputHeap = new float[size * criticWidth];
        nextCriticInputHeap = new float[size * criticWidth];
        actorGradientHeap = new float[size * actionSize];
        actionsHeap = new float[size * actionSize];
        nextActionsHeap = new float[size * actionSize];
        smoothingNoise = new double[size * actionSize];
        lane = config.threads() >= 2 ? new WorkerLane() : null;
        criticMirror = lane != null ? critics[0].copy() : null;
        targets = new float[size];
        minimumNextValues = new float[size];
        scaledAction = new double[actionSize];
        noiseSample = new double[actionSize];
        noise = switch (config.noise()) {
            case NONE -> null;
            case GAUSSIAN -> new GaussianNoise(actionSize, config.noiseSigma());
            case ORNSTEIN_UHLENBECK -> new OrnsteinUhlenbeckNoise(actionSize, 0.0, config.noiseSigma(),
                    config.noiseTheta(), config.noiseDt());
        };
    }

    private ReplayBuffer newReplay() {
        return new ReplayBuffer(config.bufferSize(), observationSize, actionSize, config.gamma(), 1);
    }

    @Override
    protected void beginEpisode(double[] observation) {
        replay.endEpisode();
        if (noise != null) {
            noise.reset();
        }
    }

    @Override
    protected double[] act(double[] observation) {
        if (totalSteps() < config.learningStarts()) {
            for (int i = 0; i < actionSize; i++) {
                scaledAction[i] = random().nextDouble(-1.0, 1.0);
            }
        } else {
            actor.predict(observation, scaledAction);
        }
        if (noise != null) {
            noise.sample(noiseSample, random());
            for (int i = 0; i < actionSize; i++) {
                scaledAction[i] = Math.max(-1.0, Math.min(1.0, scaledAction[i] + noiseSample[i]));
            }
        }
        lastScaledAction = scaledAction.clone();
        lastAction = scaling.toEnvironment(scaledAction, new double[actionSize]);
        return lastAction;
    }

    @Override
    protected void update(double[] observation, double[] action, double reward, double[] next, boolean terminated,
                          boolean truncated) {
        // The scaled action act() chose; recomputing it from the environment's action could differ in the last bit.
        double[] scaled = action == lastAction ? lastScaledAction : scaling.toScaled(action, new double[actionSize]);
        replay.add(observation, scaled, reward, next, terminated, truncated);
        long steps = totalSteps();
        if (steps % config.trainFrequency() == 0 && steps > config.learningStarts() && replay.size() >= config.batchSize()) {
            trainPhase();
        }
    }

    private void trainPhase() {
        double criticLoss = 0;
        double actorLoss = 0;
        double q = 0;
        int actorUpdates = 0;
        int steps = config.gradientSteps();
        for (int i = 0; i < steps; i++) {
            gradientStepsDone++;
            boolean actorDue = gradientStepsDone % config.policyDelay() == 0;
            replay.sample(batch, random());
            prepareBatch();
            updateCritics(actorDue);
            criticLoss += lastCriticLoss;
            q += lastMeanQ;
            if (actorDue) {
                actorLoss += updateActorAndTargets();
                actorUpdates++;
            }
        }
        if (steps > 0) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put(METRIC_CRITIC_LOSS, criticLoss / steps);
            if (actorUpdates > 0) {
                metrics.put(METRIC_ACTOR_LOSS, actorLoss / actorUpdates);
            }
            metrics.put(METRIC_Q, q / steps);
            reportMetrics(metrics);
        }
    }

    /** Copies the sampled batch into the networks' inputs and draws the target smoothing noise. */
    private void prepareBatch() {
        int size = config.batchSize();
        FloatViews.view(observations, "observations").put(batch.observations(), 0, size * observationSize);
        FloatViews.view(nextObservations, "next observations").put(batch.nextObservations(), 0, size * observationSize);
        if (config.targetPolicyNoise() > 0) {
            // Drawn here, on the caller's thread, so that the stream's order does not depend on the lanes.
            drawSmoothingNoise(random(), config.targetPolicyNoise(), config.targetNoiseClip(), smoothingNoise);
        }
        CriticInputs.fill(criticInput, criticInputHeap, batch.observations(),
                observationSize, batch.continuousActions(), actionSize, 0, config.batchSize());
    }

    /**
     * y = r + discount · min_k Q'_k(s', ã): independent of the online networks' forward passes, so
     * it runs on the worker lane beside them.
     */
    private void computeTargets() {
        int size = config.batchSize();
        FloatViews.view(actorTarget.forward(nextObservations), "target actions").get(0, nextActionsHeap);
        if (config.targetPolicyNoise() > 0) {
            smoothTargetActions(nextActionsHeap, smoothingNoise);
        }
        CriticInputs.fill(nextCriticInput, nextCriticInputHeap, batch.nextObservations(),
                observationSize, nextActionsHeap, actionSize, 0, config.batchSize());
        for (int k = 0; k < criticTargets.length; k++) {
            FloatBuffer values = FloatViews.view(criticTargets[k].forward(nextCriticInput), "target Q");
            for (int i = 0; i < size; i++) {
                float value = values.get(i);
                minimumNextValues[i] = k == 0 ? value : Math.min(minimumNextValues[i], value);
            }
        }
        float[] rewards = batch.rewards();
        float[] discounts = batch.discounts();
        for (int i = 0; i < size; i++) {
            targets[i] = (float) (rewards[i] + (double) discounts[i] * minimumNextValues[i]);
        }
    }

    /**
     * TD3's target-smoothing noise: {@code clip(σ · N(0, 1), −clip, clip)} for every element of
     * {@code out}, drawn in order from {@code rng}.
     */
    static void drawSmoothingNoise(RandomGenerator rng, double sigma, double clip, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(-clip, Math.min(clip, sigma * rng.nextGaussian()));
        }
    }

    /** TD3's smoothed target actions in place: {@code ã = clip(μ'(s') + noise, −1, 1)}. */
    static void smoothTargetActions(float[] actions, double[] noise) {
        for (int i = 0; i < actions.length; i++) {
            actions[i] = (float) Math.max(-1.0, Math.min(1.0, actions[i] + noise[i]));
        }
    }

    /**
     * One gradient step of every critic on the prepared batch; sets {@link #lastCriticLoss} (summed
     * over the critics) and {@link #lastMeanQ} (of the first critic). With {@code actorDue}, also
     * runs the actor's forward pass, whose parameters the critics' step does not change.
     */
    private void updateCritics(boolean actorDue) {
        int size = config.batchSize();
        if (lane != null) {
            lane.run(this::computeTargets);
        } else {
            computeTargets();
        }
        for (int k = 0; k < critics.length; k++) {
            FloatViews.view(critics[k].forward(criticInput), "Q").get(0, criticValues[k]);
        }
        if (actorDue) {
            FloatViews.view(actor.forward(observations), "actions").get(0, actionsHeap);
        }
        if (lane != null) {
            lane.join();
        }
        double loss = 0;
        double meanQ = 0;
        for (int k = 0; k < critics.length; k++) {
            float[] values = criticValues[k];
            float[] gradient = criticGradientHeaps[k];
            double criticLoss = 0;
            for (int i = 0; i < size; i++) {
                double error = (double) values[i] - targets[i];
                criticLoss += error * error;
                gradient[i] = (float) (2 * error / size);
                if (k == 0) {
                    meanQ += values[i];
                }
            }
            if (!Double.isFinite(criticLoss)) {
                throw diverged("critic " + (k + 1) + "'s loss", criticLoss / size, getClass().getSimpleName()
                        + " at gradient step " + gradientStepsDone + "; try a smaller critic learning rate");
            }
            loss += criticLoss / size;
            FloatViews.view(criticGradients[k], "critic gradient").put(0, gradient);
        }
        if (lane != null && critics.length == 2) {
            // Twin critics are independent: one per lane.
            lane.run(() -> stepCritic(1, null));
            stepCritic(0, null);
            lane.join();
        } else {
            for (int k = 0; k < critics.length; k++) {
                stepCritic(k, lane);
            }
        }
        lastCriticLoss = loss;
        lastMeanQ = meanQ / size;
    }

    private void stepCritic(int k, WorkerLane weightGradientLane) {
        if (weightGradientLane != null) {
            critics[k].backward(criticGradients[k], weightGradientLane);
        } else {
            critics[k].backward(criticGradients[k]);
        }
        criticOptimizers[k].step(critics[k]);
    }

    /**
     * One gradient step of the actor through the first critic, on the actions of the forward pass
     * {@link #updateCritics} ran, then the Polyak step of every target network; returns the
     * actor's loss.
     */
    private double updateActorAndTargets() {
        int size = config.batchSize();
        if (lane != null) {
            lane.run(() -> {
                criticMirror.copyParametersFrom(critics[0]);
                criticOnActorActions(1, criticMirror);
            });
            criticOnActorActions(0, critics[0]);
            lane.join();
            // The critic targets are not read again in this step: move them beside the actor's backward pass.
            lane.run(this::moveCriticTargets);
        } else {
            criticOnActorActions(0, critics[0]);
            criticOnActorActions(1, critics[0]);
        }
        FloatViews.view(actorGradient, "actor gradient").put(0, actorGradientHeap);
        if (lane != null) {
            actor.backward(actorGradient, lane);
        } else {
            actor.backward(actorGradient);
            moveCriticTargets();
        }
        actorOptimizer.step(actor);
        actorTarget.polyakUpdate(actor, config.tau());
        actorUpdatesDone++;
        double loss = -(halfSums[0] + halfSums[1]) / size;
        if (!Double.isFinite(loss)) {
            throw diverged("the actor's loss", loss, getClass().getSimpleName() + " at gradient step " + gradientStepsDone
                    + "; try a smaller actor learning rate");
        }
        return loss;
    }

    /**
     * Q_1(s, μ(s)) and ∂Q_1/∂a for one half of the batch, written into the actor's output gradient.
     * The batch is always taken in two halves, on one thread or two, so that the numbers are the
     * same either way (a product split by rows does not round as the whole product does).
     */
    private void criticOnActorActions(int half, Mlp critic) {
        int size = config.batchSize();
        int split = size / 2;
        int firstRow = half == 0 ? 0 : split;
        int rows = half == 0 ? split : size - split;
        CriticInputs.fill(halfInputs[half], halfInputHeaps[half], batch.observations(), observationSize, actionsHeap,
                actionSize, firstRow, rows);
        FloatBuffer values = FloatViews.view(critic.forward(halfInputs[half]), "Q");
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            sum += values.get(i);
        }
        halfSums[half] = sum;
        FloatBuffer inputGradient = FloatViews.view(critic.inputGradient(halfGradients[half]), "input gradient");
        int width = observationSize + actionSize;
        for (int i = 0; i < rows; i++) {
            inputGradient.get(i * width + observationSize, actorGradientHeap, (firstRow + i) * actionSize, actionSize);
        }
    }

    private void moveCriticTargets() {
        for (int k = 0; k < critics.length; k++) {
            criticTargets[k].polyakUpdate(critics[k], config.tau());
        }
    }

    /**
     * Writes the settings, the networks and their optimizers, the counters, the noise's state and,
     * if {@link ActorCriticConfig#checkpointReplay()}, the replay buffer.
     *
     * @throws IOException if writing fails
     */
    @Override
    protected final void writeLearnerState(StateWriter out) throws IOException {
        ConfigurationCheck.write(out, config);
        out.writeLong(observationSize);
        out.writeLong(actionSize);
        out.writeObject("actor", actor);
        out.writeObject("actor-target", actorTarget);
        out.writeObject("actor-optimizer", actorOptimizer);
        for (int k = 0; k < critics.length; k++) {
            out.writeObject("critic-" + (k + 1), critics[k]);
            out.writeObject("critic-" + (k + 1) + "-target", criticTargets[k]);
            out.writeObject("critic-" + (k + 1) + "-optimizer", criticOptimizers[k]);
        }
        out.writeLong(gradientStepsDone);
        out.writeLong(actorUpdatesDone);
        if (noise instanceof Checkpointable state) {
            out.writeObject("noise", state);
        }
        if (config.checkpointReplay()) {
            out.writeObject("replay", replay);
        }
    }

    /**
     * Reads what {@link #writeLearnerState} wrote. Without the replay buffer in the checkpoint the
     * buffer is emptied, so that no transition of another run is replayed.
     *
     * @throws dev.bellman.core.checkpoint.InvalidCheckpointException if the checkpoint was made with
     *                                                                other settings or spaces
     * @throws IOException                                            if reading fails
     */
    @Override
    protected final void readLearnerState(StateReader in) throws IOException {
        // The worker lane gives bit-identical numbers for every thread count: a run may resume with another.
        ConfigurationCheck.expect(in, config, Set.of("threads"));
        in.expectLong("observation size", observationSize);
        in.expectLong("action size", actionSize);
        in.readObject("actor", actor);
        in.readObject("actor-target", actorTarget);
        in.readObject("actor-optimizer", actorOptimizer);
        for (int k = 0; k < critics.length; k++) {
            in.readObject("critic-" + (k + 1), critics[k]);
            in.readObject("critic-" + (k + 1) + "-target", criticTargets[k]);
            in.readObject("critic-" + (k + 1) + "-optimizer", criticOptimizers[k]);
        }
        gradientStepsDone = in.readLong();
        actorUpdatesDone = in.readLong();
        if (noise instanceof Checkpointable state) {
            in.readObject("noise", state);
        }
        if (config.checkpointReplay()) {
            in.readObject("replay", replay);
        } else {
            replay = newReplay();
        }
    }

    /** @return gradient steps taken so far (critic updates) */
    public long gradientSteps() {
        return gradientStepsDone;
    }

    /** @return actor updates taken so far (every {@code policyDelay}-th gradient step) */
    public long actorUpdates() {
        return actorUpdatesDone;
    }

    /**
     * @return the actor network, whose tanh outputs are scaled actions (for inspection and saving;
     *         changing it changes the learner)
     * @throws IllegalStateException before the first training call
     */
    public Mlp actor() {
        requireBuilt();
        return actor;
    }

    /**
     * @param index 0 for the first critic, 1 for TD3's second
     * @return that critic network, with input {@code [observation, scaled action]}
     * @throws IllegalStateException     before the first training call
     * @throws IndexOutOfBoundsException if there is no such critic
     */
    public Mlp critic(int index) {
        requireBuilt();
        Objects.checkIndex(index, critics.length);
        return critics[index];
    }

    private void requireBuilt() {
        if (actor == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has not been trained yet; call train first");
        }
    }

    /**
     * The deterministic policy of a snapshot of the actor, scaled to the action space it was
     * trained on: the policy to evaluate.
     *
     * @throws IllegalStateException before the first training call (also after {@link #loadNetworks},
     *                               which does not know the action bounds)
     */
    @Override
    public Policy<double[], double[]> policy() {
        requireBuilt();
        if (scaling == null) {
            throw new IllegalStateException("the action bounds are known from the first training call; after loadNetworks, "
                    + "train first or use deterministicPolicy(actor(), new ActionScaling(space))");
        }
        return deterministicPolicy(actor.copy(), scaling);
    }

    /**
     * The deterministic policy of an actor network: its outputs in [−1, 1] scaled to the action
     * space's bounds. A fresh array per action; the network's buffers are reused, so use it from
     * one thread.
     *
     * @param actor   a network with one tanh output per action dimension
     * @param scaling the map to the environment's action bounds
     * @return the policy
     * @throws IllegalArgumentException if an argument is null or the sizes differ
     */
    public static Policy<double[], double[]> deterministicPolicy(Mlp actor, ActionScaling scaling) {
        if (actor == null || scaling == null) {
            throw new IllegalArgumentException("actor and scaling must not be null");
        }
        if (actor.outputSize() != scaling.dimension()) {
            throw new IllegalArgumentException("the actor gives " + actor.outputSize() + " action values; the action space has "
                    + scaling.dimension() + " dimensions");
        }
        double[] scaled = new double[actor.outputSize()];
        return (observation, rng) -> {
            actor.predict(observation, scaled);
            for (int i = 0; i < scaled.length; i++) {
                // tanh in float32 can round to exactly ±1; nothing else leaves [−1, 1].
                scaled[i] = Math.max(-1.0, Math.min(1.0, scaled[i]));
            }
            return scaling.toEnvironment(scaled, new double[scaled.length]);
        };
    }

    /**
     * Saves the networks with their optimizers' state into {@code directory}: {@code actor.bin}
     * (which {@code bellman eval} reads), {@code actor-target.bin}, {@code critic-K.bin} and
     * {@code critic-K-target.bin} for each critic K = 1, 2, in {@link ModelFiles}' format. The
     * replay buffer and the random streams are not saved.
     *
     * @param directory created if missing
     * @throws IOException           if a file cannot be written
     * @throws IllegalStateException before the first training call
     */
    public void saveNetworks(Path directory) throws IOException {
        requireBuilt();
        Files.createDirectories(directory);
        ModelFiles.save(directory.resolve(ACTOR_FILE), actor, actorOptimizer);
        ModelFiles.save(directory.resolve("actor-target.bin"), actorTarget);
        for (int k = 0; k < critics.length; k++) {
            ModelFiles.save(directory.resolve("critic-" + (k + 1) + ".bin"), critics[k], criticOptimizers[k]);
            ModelFiles.save(directory.resolve("critic-" + (k + 1) + "-target.bin"), criticTargets[k]);
        }
    }

    /**
     * Loads networks and optimizer state written by {@link #saveNetworks(Path)} into a learner that
     * has not trained yet, so that training continues from them.
     *
     * @param directory the directory {@link #saveNetworks(Path)} wrote
     * @throws IOException              if a file is missing, unreadable or not a model file
     * @throws IllegalStateException    if this learner has trained already
     * @throws IllegalArgumentException if the files do not fit this configuration
     */
    public void loadNetworks(Path directory) throws IOException {
        if (actor != null) {
            throw new IllegalStateException("loadNetworks must come before the first training call");
        }
        // Everything is read and checked before anything is kept: a failed load leaves the learner untouched.
        ModelFiles.Loaded loadedActor = ModelFiles.loadWithOptimizer(directory.resolve(ACTOR_FILE));
        Mlp loadedActorTarget = ModelFiles.load(directory.resolve("actor-target.bin"));
        int[] sizes = loadedActor.net().config().layerSizes();
        int observations = sizes[0];
        int actions = sizes[sizes.length - 1];
        MlpConfig actorShape = new MlpConfig(CriticInputs.layers(observations, config.hiddenLayers(),
                actions), Activation.RELU,
                Activation.TANH);
        MlpConfig criticShape = new MlpConfig(CriticInputs.layers(observations + actions, config.hiddenLayers(),
                1), Activation.RELU,
                Activation.IDENTITY);
        SavedNetworks.requireShape(loadedActor.net(), actorShape, ACTOR_FILE);
        SavedNetworks.requireShape(loadedActorTarget, actorShape, "actor-target.bin");
        Adam loadedActorOptimizer = SavedNetworks.adamOf(loadedActor, ACTOR_FILE);
        Mlp[] loadedCritics = new Mlp[config.critics()];
        Mlp[] loadedCriticTargets = new Mlp[config.critics()];
        Adam[] loadedCriticOptimizers = new Adam[config.critics()];
        for (int k = 0; k < loadedCritics.length; k++) {
            String name = "critic-" + (k + 1) + ".bin";
            String targetName = "critic-" + (k + 1) + "-target.bin";
            ModelFiles.Loaded loadedCritic = ModelFiles.loadWithOptimizer(directory.resolve(name));
            loadedCritics[k] = SavedNetworks.requireShape(loadedCritic.net(), criticShape, name);
            loadedCriticTargets[k] = SavedNetworks.requireShape(ModelFiles.load(directory.resolve(targetName)), criticShape, targetName);
            loadedCriticOptimizers[k] = SavedNetworks.adamOf(loadedCritic, name);
        }
        observationSize = observations;
        actionSize = actions;
        actor = loadedActor.net();
        actorTarget = loadedActorTarget;
        actorOptimizer = loadedActorOptimizer;
        critics = loadedCritics;
        criticTargets = loadedCriticTargets;
        criticOptimizers = loadedCriticOptimizers;
    }
}
