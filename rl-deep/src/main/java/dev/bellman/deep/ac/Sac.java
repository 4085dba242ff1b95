package dev.bellman.deep.ac;

import dev.bellman.core.Environment;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.deep.checkpoint.ConfigurationCheck;
import dev.bellman.core.io.AtomicFiles;
import dev.bellman.deep.nn.Activation;
import dev.bellman.deep.nn.Adam;
import dev.bellman.deep.nn.FloatViews;
import dev.bellman.deep.nn.Mlp;
import dev.bellman.deep.nn.MlpConfig;
import dev.bellman.deep.nn.ModelFiles;
import dev.bellman.deep.nn.Nd4jThreads;
import dev.bellman.deep.replay.Batch;
import dev.bellman.deep.replay.ReplayBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Soft actor-critic (Haarnoja et al. 2018) with Stable-Baselines3's schedule and defaults: a
 * squashed Gaussian policy ({@code a = tanh(μ(s) + σ(s) ε)}, log standard deviation clamped to
 * [−20, 2]), twin critics with Polyak-averaged targets, and the entropy coefficient α tuned so that
 * the policy's entropy approaches {@code targetEntropy} (−(action dimensions) by default).
 *
 * <p>One gradient step, as SB3 orders it:
 * <pre>{@code
 * sample (s, a, r, s', discount); draw ε for s and for s'
 * ã, log π(ã|s) from the policy at s
 * α-step: minimise −log α · (log π(ã|s) + targetEntropy), with α = exp(log α) taken before the step
 * y = r + discount · (min_k Q'_k(s', a') − α log π(a'|s')),   a' from the policy at s'
 * critics: one Adam step on ½ Σ_k mean (Q_k(s, a) − y)²
 * actor: one Adam step on mean(α log π(ã|s) − min_k Q_k(s, ã)), through ε held fixed
 * targets: θ'_k ← τ θ_k + (1 − τ) θ'_k
 * }</pre>
 * Acting samples from the policy (uniform scaled actions during {@code learningStarts});
 * {@link #policy()} acts with the mean, {@code tanh(μ(s))}. Actions are scaled to the action
 * space's bounds with {@link ActionScaling}; replay stores the scaled ones.
 *
 * <p>Metrics after every training phase: {@value #METRIC_CRITIC_LOSS}, {@value #METRIC_ACTOR_LOSS},
 * {@value #METRIC_ENTROPY_COEFFICIENT}, {@value #METRIC_Q}. Not thread-safe.
 *
 * <p>Checkpoints ({@link #saveCheckpoint}, {@link #checkpointEvery}) hold the settings, checked on
 * loading, the actor, both critics and their targets, their Adam optimizers, log α with its Adam
 * moments and step count, the gradient-step count and, with {@link SacConfig#checkpointReplay()},
 * the replay buffer. The policy's and the replay's draws come from the learner's own generator,
 * which the checkpoint also holds. Without the buffer a resumed run starts from an empty one: it is
 * a valid continuation, but not the uninterrupted run's numbers.
 */
public final class Sac extends EpisodicLearner<double[], double[]> {

    /** Metric key: ½ Σ_k mean (Q_k − y)², averaged over the phase. */
    public static final String METRIC_CRITIC_LOSS = "critic_loss";
    /** Metric key: mean(α log π − min Q), averaged over the phase. */
    public static final String METRIC_ACTOR_LOSS = "actor_loss";
    /** Metric key: the entropy coefficient α after the phase. */
    public static final String METRIC_ENTROPY_COEFFICIENT = "entropy_coefficient";
    /** Metric key: the first critic's mean Q(s, a) of the sampled pairs, averaged over the phase. */
    public static final String METRIC_Q = "q_mean";

    private static final String ACTOR_FILE = "actor.bin";
    private static final String ENTROPY_FILE = "entropy.bin";
    /** "BLSE": Bellman SAC entropy state. */
    private static final int ENTROPY_MAGIC = 0x424C5345;
    private static final int ENTROPY_VERSION = 1;

    private final SacConfig config;
    private int observationSize;
    private int actionSize;
    private ActionScaling scaling;
    private double targetEntropy;

    private Mlp actor;
    private Adam actorOptimizer;
    private final Mlp[] critics = new Mlp[2];
    private final Mlp[] criticTargets = new Mlp[2];
    private final Adam[] criticOptimizers = new Adam[2];
    private double logAlpha;
    private double alphaMoment;
    private double alphaSquaredMoment;
    private long alphaSteps;

    private ReplayBuffer replay;
    private Batch batch;
    private INDArray observations;
    private INDArray nextObservations;
    private INDArray criticInput;
    private INDArray[] criticGradients;
    private INDArray actorGradient;
    private float[] criticInputHeap;
    private float[] actorOutputs;
    private float[] nextActorOutputs;
    private float[] policyActions;
    private float[] nextActions;
    private double[] noise;
    private double[] nextNoise;
    private double[] logProbabilities;
    private double[] nextLogProbabilities;
    private float[] targets;
    private float[][] criticValues;
    private float[] criticGradientHeap;
    private float[] actionGradient;
    private float[] actorGradientHeap;
    private double[] scaledAction;
    private double[] networkOutput;
    private double[] lastAction;
    private double[] lastScaledAction;
    private long gradientStepsDone;

    /**
     * @param config the hyper-parameters
     * @param seed   seeds the networks, the policy's sampling, replay sampling and the environment's first reset
     * @throws IllegalArgumentException if {@code config} is null
     */
    public Sac(SacConfig config, long seed) {
        super(seed, 0);
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.logAlpha = Math.log(config.initialEntropyCoefficient());
    }

    /** @return the hyper-parameters */
    public SacConfig config() {
        return config;
    }

    /**
     * @throws IllegalArgumentException if the observations or actions are not a {@link BoxSpace},
     *                                  an action bound is infinite, or the spaces differ from those
     *                                  of the first training call
     */
    @Override
    protected void prepare(Environment<double[], double[]> env) {
        if (!(env.observationSpace() instanceof BoxSpace box) || !(env.actionSpace() instanceof BoxSpace actions)) {
            throw new IllegalArgumentException("SAC needs Box observations and Box actions; the environment has "
                    + env.observationSpace() + " and " + env.actionSpace());
        }
        ActionScaling environmentScaling = new ActionScaling(actions);
        if (actor != null && (box.dimension() != observationSize || actions.dimension() != actionSize)) {
            throw new IllegalArgumentException("this SAC was built for " + observationSize + " observation values and "
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
        targetEntropy = Double.isNaN(config.targetEntropy()) ? -actionSize : config.targetEntropy();
        SplittableRandom seeds = new SplittableRandom(seed());
        actor = new Mlp(actorShape(), seeds.nextLong());
        actorOptimizer = new Adam(config.learningRate(), 0.9, 0.999, 1e-8);
        for (int k = 0; k < 2; k++) {
            critics[k] = new Mlp(criticShape(), seeds.nextLong());
            criticTargets[k] = critics[k].copy();
            criticOptimizers[k] = new Adam(config.learningRate(), 0.9, 0.999, 1e-8);
        }
    }

    private MlpConfig actorShape() {
        return new MlpConfig(CriticInputs.layers(observationSize, config.hiddenLayers(), 2 * actionSize), Activation.RELU,
                Activation.IDENTITY);
    }

    private MlpConfig criticShape() {
        return new MlpConfig(CriticInputs.layers(observationSize + actionSize, config.hiddenLayers(), 1), Activation.RELU,
                Activation.IDENTITY);
    }

    private void buildWorkspace() {
        Nd4jThreads.use(1);
        int size = config.batchSize();
        replay = newReplay();
        batch = new Batch(size, observationSize, actionSize);
        observations = Nd4j.create(DataType.FLOAT, size, observationSize);
        nextObservations = Nd4j.create(DataType.FLOAT, size, observationSize);
        int width = observationSize + actionSize;
        criticInput = Nd4j.create(DataType.FLOAT, size, width);
        criticGradients = new INDArray[] {Nd4j.create(DataType.FLOAT, size, 1), Nd4j.create(DataType.FLOAT, size, 1)};
        actorGradient = Nd4j.create(DataType.FLOAT, size, 2 * actionSize);
        criticInputHeap = new float[size * width];
        actorOutputs = new float[size * 2 * actionSize];
        nextActorOutputs = new float[size * 2 * actionSize];
        policyActions = new float[size * actionSize];
        nextActions = new float[size * actionSize];
        noise = new double[size * actionSize];
        nextNoise = new double[size * actionSize];
        logProbabilities = new double[size];
        nextLogProbabilities = new double[size];
        targets = new float[size];
        criticValues = new float[2][size];
        criticGradientHeap = new float[size];
        actionGradient = new float[size * actionSize];
        actorGradientHeap = new float[size * 2 * actionSize];
        scaledAction = new double[actionSize];
        networkOutput = new double[2 * actionSize];
    }

    private ReplayBuffer newReplay() {
        return new ReplayBuffer(config.bufferSize(), observationSize, actionSize, config.gamma(), 1);
    }

    @Override
    protected void beginEpisode(double[] observation) {
        replay.endEpisode();
    }

    @Override
    protected double[] act(double[] observation) {
        if (totalSteps() < config.learningStarts()) {
            for (int i = 0; i < actionSize; i++) {
                scaledAction[i] = random().nextDouble(-1.0, 1.0);
            }
        } else {
            actor.predict(observation, networkOutput);
            for (int i = 0; i < actionSize; i++) {
                double std = Math.exp(SquashedGaussian.clampLogStd(networkOutput[actionSize + i]));
                scaledAction[i] = Math.tanh(networkOutput[i] + std * random().nextGaussian());
            }
        }
        lastScaledAction = scaledAction.clone();
        lastAction = scaling.toEnvironment(scaledAction, new double[actionSize]);
        return lastAction;
    }

    @Override
    protected void update(double[] observation, double[] action, double reward, double[] next, boolean terminated,
                          boolean truncated) {
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
        int steps = config.gradientSteps();
        for (int i = 0; i < steps; i++) {
            double[] losses = gradientStep();
            criticLoss += losses[0];
            actorLoss += losses[1];
            q += losses[2];
        }
        if (steps > 0) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put(METRIC_CRITIC_LOSS, criticLoss / steps);
            metrics.put(METRIC_ACTOR_LOSS, actorLoss / steps);
            metrics.put(METRIC_ENTROPY_COEFFICIENT, entropyCoefficient());
            metrics.put(METRIC_Q, q / steps);
            reportMetrics(metrics);
        }
    }

    /** @return {critic loss, actor loss, mean Q_1(s, a)} */
    private double[] gradientStep() {
        gradientStepsDone++;
        int size = config.batchSize();
        replay.sample(batch, random());
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random().nextGaussian();
        }
        for (int i = 0; i < nextNoise.length; i++) {
            nextNoise[i] = random().nextGaussian();
        }
        FloatViews.view(observations, "observations").put(batch.observations(), 0, size * observationSize);
        FloatViews.view(nextObservations, "next observations").put(batch.nextObservations(), 0, size * observationSize);

        double alpha = entropyCoefficient();
        // The target first: the actor's forward pass on s must be the last one before its backward pass.
        FloatViews.view(actor.forward(nextObservations), "next policy").get(0, nextActorOutputs);
        for (int row = 0; row < size; row++) {
            nextLogProbabilities[row] = SquashedGaussian.sample(nextActorOutputs, row, actionSize, nextNoise, nextActions);
        }
        CriticInputs.fill(criticInput, criticInputHeap, batch.nextObservations(),
                observationSize, nextActions, actionSize, 0, config.batchSize());
        float[] nextMinimum = criticValues[1];
        for (int k = 0; k < 2; k++) {
            FloatBuffer values = FloatViews.view(criticTargets[k].forward(criticInput), "target Q");
            for (int row = 0; row < size; row++) {
                float value = values.get(row);
                nextMinimum[row] = k == 0 ? value : Math.min(nextMinimum[row], value);
            }
        }
        float[] rewards = batch.rewards();
        float[] discounts = batch.discounts();
        for (int row = 0; row < size; row++) {
            targets[row] = (float) (rewards[row] + (double) discounts[row]
                    * (nextMinimum[row] - alpha * nextLogProbabilities[row]));
        }

        FloatViews.view(actor.forward(observations), "policy").get(0, actorOutputs);
        double logProbabilitySum = 0;
        for (int row = 0; row < size; row++) {
            logProbabilities[row] = SquashedGaussian.sample(actorOutputs, row, actionSize, noise, policyActions);
            logProbabilitySum += logProbabilities[row];
        }
        if (config.learnEntropyCoefficient()) {
            stepEntropyCoefficient(-(logProbabilitySum / size + targetEntropy));
        }

        CriticInputs.fill(criticInput, criticInputHeap, batch.observations(),

                observationSize, batch.continuousActions(), actionSize, 0, config.batchSize());
        double criticLoss = 0;
        double meanQ = 0;
        for (int k = 0; k < 2; k++) {
            FloatBuffer values = FloatViews.view(critics[k].forward(criticInput), "Q");
            double squares = 0;
            for (int row = 0; row < size; row++) {
                double error = values.get(row) - (double) targets[row];
                squares += error * error;
                criticGradientHeap[row] = (float) (error / size);
                if (k == 0) {
                    meanQ += values.get(row);
                }
            }
            criticLoss += 0.5 * squares / size;
            FloatViews.view(criticGradients[k], "critic gradient").put(0, criticGradientHeap);
            critics[k].backward(criticGradients[k]);
            criticOptimizers[k].step(critics[k]);
        }
        if (!Double.isFinite(criticLoss)) {
            throw diverged("the critic loss", criticLoss, "SAC at gradient step " + gradientStepsDone
                    + "; try a smaller learning rate");
        }

        // Actor: each sample's gradient flows through the critic that gives the smaller Q.
        CriticInputs.fill(criticInput, criticInputHeap, batch.observations(),
                observationSize, policyActions, actionSize, 0, config.batchSize());
        for (int k = 0; k < 2; k++) {
            FloatViews.view(critics[k].forward(criticInput), "Q of the policy").get(0, criticValues[k]);
        }
        double actorLoss = 0;
        Arrays.fill(actionGradient, 0f);
        int width = observationSize + actionSize;
        for (int k = 0; k < 2; k++) {
            for (int row = 0; row < size; row++) {
                boolean smaller = k == 0 ? criticValues[0][row] <= criticValues[1][row] : criticValues[1][row] < criticValues[0][row];
                criticGradientHeap[row] = smaller ? (float) (-1.0 / size) : 0f;
                if (smaller) {
                    actorLoss += (alpha * logProbabilities[row] - criticValues[k][row]) / size;
                }
            }
            FloatViews.view(criticGradients[k], "critic gradient").put(0, criticGradientHeap);
            // The forward pass on (s, ã) above is each critic's last one, as inputGradient needs.
            FloatBuffer inputGradient = FloatViews.view(critics[k].inputGradient(criticGradients[k]), "input gradient");
            for (int row = 0; row < size; row++) {
                for (int i = 0; i < actionSize; i++) {
                    actionGradient[row * actionSize + i] += inputGradient.get(row * width + observationSize + i);
                }
            }
        }
        for (int row = 0; row < size; row++) {
            SquashedGaussian.gradient(actorOutputs, row, actionSize, noise, policyActions, alpha / size, actionGradient,
                    actorGradientHeap);
        }
        FloatViews.view(actorGradient, "actor gradient").put(0, actorGradientHeap);
        // The critics' forward passes above did not touch the actor's: its pass on s is still its last.
        actor.backward(actorGradient);
        actorOptimizer.step(actor);
        if (!Double.isFinite(actorLoss)) {
            throw diverged("the actor's loss", actorLoss, "SAC at gradient step " + gradientStepsDone
                    + "; try a smaller learning rate");
        }
        for (int k = 0; k < 2; k++) {
            criticTargets[k].polyakUpdate(critics[k], config.tau());
        }
        return new double[] {criticLoss, actorLoss, meanQ / size};
    }

    /** One Adam step (PyTorch's) on log α with gradient {@code gradient}. */
    private void stepEntropyCoefficient(double gradient) {
        alphaSteps++;
        alphaMoment = 0.9 * alphaMoment + 0.1 * gradient;
        alphaSquaredMoment = 0.999 * alphaSquaredMoment + 0.001 * gradient * gradient;
        double correction1 = 1 - Math.pow(0.9, alphaSteps);
        double correction2 = 1 - Math.pow(0.999, alphaSteps);
        logAlpha -= config.learningRate() / correction1 * alphaMoment
                / (Math.sqrt(alphaSquaredMoment) / Math.sqrt(correction2) + 1e-8);
    }

    /**
     * Writes the settings, the networks and their optimizers, the entropy coefficient's state, the
     * gradient-step count and, if {@link SacConfig#checkpointReplay()}, the replay buffer.
     *
     * @throws IOException if writing fails
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        ConfigurationCheck.write(out, config);
        out.writeLong(observationSize);
        out.writeLong(actionSize);
        out.writeObject("actor", actor);
        out.writeObject("actor-optimizer", actorOptimizer);
        for (int k = 0; k < 2; k++) {
            out.writeObject("critic-" + (k + 1), critics[k]);
            out.writeObject("critic-" + (k + 1) + "-target", criticTargets[k]);
            out.writeObject("critic-" + (k + 1) + "-optimizer", criticOptimizers[k]);
        }
        out.section("entropy-coefficient");
        out.writeDouble(logAlpha);
        out.writeDouble(alphaMoment);
        out.writeDouble(alphaSquaredMoment);
        out.writeLong(alphaSteps);
        out.writeLong(gradientStepsDone);
        if (config.checkpointReplay()) {
            out.writeObject("replay", replay);
        }
    }

    /**
     * Reads what {@link #writeLearnerState} wrote. Without the replay buffer in the checkpoint the
     * buffer is emptied, so that no transition of another run is replayed.
     *
     * @throws InvalidCheckpointException if the checkpoint was made with other settings or spaces
     * @throws IOException                if reading fails
     */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        ConfigurationCheck.expect(in, config);
        in.expectLong("observation size", observationSize);
        in.expectLong("action size", actionSize);
        in.readObject("actor", actor);
        in.readObject("actor-optimizer", actorOptimizer);
        for (int k = 0; k < 2; k++) {
            in.readObject("critic-" + (k + 1), critics[k]);
            in.readObject("critic-" + (k + 1) + "-target", criticTargets[k]);
            in.readObject("critic-" + (k + 1) + "-optimizer", criticOptimizers[k]);
        }
        in.section("entropy-coefficient");
        double savedLogAlpha = in.readDouble();
        double savedMoment = in.readDouble();
        double savedSquaredMoment = in.readDouble();
        long savedSteps = in.readLong();
        if (!Double.isFinite(savedLogAlpha) || savedSteps < 0) {
            throw new InvalidCheckpointException("the checkpoint gives log alpha " + savedLogAlpha + " after " + savedSteps
                    + " steps");
        }
        logAlpha = savedLogAlpha;
        alphaMoment = savedMoment;
        alphaSquaredMoment = savedSquaredMoment;
        alphaSteps = savedSteps;
        gradientStepsDone = in.readLong();
        if (config.checkpointReplay()) {
            in.readObject("replay", replay);
        } else {
            replay = newReplay();
        }
    }

    /** @return the entropy coefficient α = exp(log α) */
    public double entropyCoefficient() {
        return Math.exp(logAlpha);
    }

    /** @return gradient steps taken so far */
    public long gradientSteps() {
        return gradientStepsDone;
    }

    /**
     * @return the actor network: outputs {@code [μ_1 … μ_d, logσ_1 … logσ_d]} (for inspection and
     *         saving; changing it changes the learner)
     * @throws IllegalStateException before the first training call
     */
    public Mlp actor() {
        requireBuilt();
        return actor;
    }

    /**
     * @param index 0 or 1
     * @return that critic, with input {@code [observation, scaled action]}
     * @throws IllegalStateException     before the first training call
     * @throws IndexOutOfBoundsException if the index is not 0 or 1
     */
    public Mlp critic(int index) {
        requireBuilt();
        return critics[Objects.checkIndex(index, 2)];
    }

    private void requireBuilt() {
        if (actor == null) {
            throw new IllegalStateException("SAC has not been trained yet; call train first");
        }
    }

    /**
     * Saves the networks with their optimizers' state into {@code directory}: {@code actor.bin}
     * (which {@code bellman eval} reads), {@code critic-K.bin} and {@code critic-K-target.bin} for
     * K = 1, 2, in {@link ModelFiles}' format, and {@code entropy.bin}, the entropy coefficient with
     * its Adam moments. The replay buffer and the random streams are not saved.
     *
     * @param directory created if missing
     * @throws IOException           if a file cannot be written
     * @throws IllegalStateException before the first training call
     */
    public void saveNetworks(Path directory) throws IOException {
        requireBuilt();
        Files.createDirectories(directory);
        ModelFiles.save(directory.resolve(ACTOR_FILE), actor, actorOptimizer);
        for (int k = 0; k < 2; k++) {
            ModelFiles.save(directory.resolve("critic-" + (k + 1) + ".bin"), critics[k], criticOptimizers[k]);
            ModelFiles.save(directory.resolve("critic-" + (k + 1) + "-target.bin"), criticTargets[k]);
        }
        AtomicFiles.writeStream(directory.resolve(ENTROPY_FILE), stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(ENTROPY_MAGIC);
            out.writeInt(ENTROPY_VERSION);
            out.writeDouble(logAlpha);
            out.writeDouble(alphaMoment);
            out.writeDouble(alphaSquaredMoment);
            out.writeLong(alphaSteps);
            out.flush();
        });
    }

    /**
     * Loads what {@link #saveNetworks(Path)} wrote into a SAC that has not trained yet, so that
     * training continues from it. Everything is read and checked before anything is kept.
     *
     * @param directory the directory {@link #saveNetworks(Path)} wrote
     * @throws IOException              if a file is missing, unreadable, truncated or not of its kind
     * @throws IllegalStateException    if this SAC has trained already
     * @throws IllegalArgumentException if the networks do not fit this configuration
     */
    public void loadNetworks(Path directory) throws IOException {
        if (actor != null) {
            throw new IllegalStateException("loadNetworks must come before the first training call");
        }
        ModelFiles.Loaded loadedActor = ModelFiles.loadWithOptimizer(directory.resolve(ACTOR_FILE));
        int[] sizes = loadedActor.net().config().layerSizes();
        int outputs = sizes[sizes.length - 1];
        if (outputs % 2 != 0) {
            throw new IllegalArgumentException(ACTOR_FILE + " has " + outputs + " outputs; a SAC actor has two per action "
                    + "dimension (means and log standard deviations)");
        }
        int savedObservations = observationSize;
        int savedActions = actionSize;
        observationSize = sizes[0];
        actionSize = outputs / 2;
        try {
            SavedNetworks.requireShape(loadedActor.net(), actorShape(), ACTOR_FILE);
            Adam loadedActorOptimizer = SavedNetworks.adamOf(loadedActor, ACTOR_FILE);
            Mlp[] loadedCritics = new Mlp[2];
            Mlp[] loadedTargets = new Mlp[2];
            Adam[] loadedOptimizers = new Adam[2];
            for (int k = 0; k < 2; k++) {
                String name = "critic-" + (k + 1) + ".bin";
                String targetName = "critic-" + (k + 1) + "-target.bin";
                ModelFiles.Loaded critic = ModelFiles.loadWithOptimizer(directory.resolve(name));
                loadedCritics[k] = SavedNetworks.requireShape(critic.net(), criticShape(), name);
                loadedTargets[k] = SavedNetworks.requireShape(ModelFiles.load(directory.resolve(targetName)), criticShape(),
                        targetName);
                loadedOptimizers[k] = SavedNetworks.adamOf(critic, name);
            }
            double[] entropy = new double[3];
            long steps;
            Path entropyFile = directory.resolve(ENTROPY_FILE);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(entropyFile)))) {
                if (in.readInt() != ENTROPY_MAGIC) {
                    throw new IOException(entropyFile + ": not a SAC entropy file");
                }
                int version = in.readInt();
                if (version != ENTROPY_VERSION) {
                    throw new IOException(entropyFile + ": format version " + version + "; this build reads version "
                            + ENTROPY_VERSION);
                }
                for (int i = 0; i < 3; i++) {
                    entropy[i] = in.readDouble();
                }
                steps = in.readLong();
            } catch (EOFException truncated) {
                throw new IOException(entropyFile + ": truncated (ends before the entropy coefficient's state)", truncated);
            }
            actor = loadedActor.net();
            actorOptimizer = loadedActorOptimizer;
            for (int k = 0; k < 2; k++) {
                critics[k] = loadedCritics[k];
                criticTargets[k] = loadedTargets[k];
                criticOptimizers[k] = loadedOptimizers[k];
            }
            logAlpha = entropy[0];
            alphaMoment = entropy[1];
            alphaSquaredMoment = entropy[2];
            alphaSteps = steps;
            targetEntropy = Double.isNaN(config.targetEntropy()) ? -actionSize : config.targetEntropy();
        } catch (IOException | RuntimeException failed) {
            observationSize = savedObservations;
            actionSize = savedActions;
            throw failed;
        }
    }

    /**
     * The deterministic policy of a snapshot of the actor: {@code tanh(μ(s))}, scaled to the action
     * space's bounds.
     *
     * @throws IllegalStateException before the first training call
     */
    @Override
    public Policy<double[], double[]> policy() {
        requireBuilt();
        if (scaling == null) {
            throw new IllegalStateException("the action bounds are known from the first training call; after loadNetworks, "
                    + "train first or use meanPolicy(actor(), new ActionScaling(space))");
        }
        return meanPolicy(actor.copy(), scaling);
    }

    /**
     * The deterministic policy of a SAC actor network: {@code tanh} of its mean outputs, scaled to
     * the action space's bounds. A fresh array per action; use it from one thread.
     *
     * @param actor   a network with {@code 2d} outputs, means first
     * @param scaling the map to the environment's action bounds, {@code d} dimensions
     * @return the policy
     * @throws IllegalArgumentException if an argument is null or the sizes differ
     */
    public static Policy<double[], double[]> meanPolicy(Mlp actor, ActionScaling scaling) {
        if (actor == null || scaling == null) {
            throw new IllegalArgumentException("actor and scaling must not be null");
        }
        int d = scaling.dimension();
        if (actor.outputSize() != 2 * d) {
            throw new IllegalArgumentException("a SAC actor for " + d + " action dimensions has " + 2 * d
                    + " outputs (means and log standard deviations); this one has " + actor.outputSize());
        }
        double[] outputs = new double[2 * d];
        double[] scaled = new double[d];
        return (observation, rng) -> {
            actor.predict(observation, outputs);
            for (int i = 0; i < d; i++) {
                scaled[i] = Math.tanh(outputs[i]);
            }
            return scaling.toEnvironment(scaled, new double[d]);
        };
    }
}
