package dev.bellman.core;

import dev.bellman.core.checkpoint.CheckpointFiles;
import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.random.SplitMixRandom;
import dev.bellman.core.wrappers.VectorEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The training loop every model-free learner shares: reset, act, step, update, repeat until the
 * budget is spent, with listeners told of each step and episode. A subclass supplies only what is its
 * own: {@link #act}, {@link #update} and, if it learns from whole episodes, {@link #endEpisode}.
 *
 * <p>Randomness: the learner's own stream is derived from its seed (split off, so that it is
 * independent of an environment seeded with the same number); the environment is reset with the
 * seed on the learner's first episode and continues its own stream after that. So the same seed,
 * environment and settings give the same numbers.
 *
 * <p>Episodes end when the environment terminates or truncates them, or after
 * {@code maxEpisodeLength} steps, which counts as a truncation (bootstrap from the last
 * observation): continuing tasks such as Zhao's grid world need such a limit. When a step budget runs
 * out in the middle of an episode, the episode is abandoned: it is not reported, and
 * {@link #endEpisode} is not called for it.
 *
 * <p>Learners that keep no per-episode state (DQN) may also train on a
 * {@link VectorEnvironment}'s copies, stepped together ({@link #train(VectorEnvironment, Budget)}),
 * choosing the copies' actions in one batch ({@link #actAll}).
 *
 * <p>Checkpoints: {@link #saveCheckpoint(Path, Environment)} writes the learner's complete state with the environment's
 * ({@link Checkpointable}) to a file, and {@link #loadCheckpoint} brings both back, so that the
 * resumed run continues with exactly the numbers of the run that was never stopped.
 * {@link #checkpointEvery} has {@link #train} write one at the first episode boundary after every
 * so many steps. A {@link TrainingDivergedException} leaving {@code train} names the last one.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public abstract class EpisodicLearner<O, A> implements Learner<O, A>, Checkpointable {

    private final long seed;
    private final long maxEpisodeLength;
    private final SplitMixRandom rng;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private boolean environmentSeeded;
    private long totalSteps;
    private long totalEpisodes;
    private Path checkpointFile;
    private long checkpointInterval;
    private Path lastCheckpoint;
    private long lastCheckpointStep;
    private final List<CheckpointFiles.Part> extraParts = new ArrayList<>();

    /**
     * @param seed             the seed of the learner's random stream and of the environment's first reset
     * @param maxEpisodeLength the longest episode before it is truncated, or 0 for no limit
     * @throws IllegalArgumentException if {@code maxEpisodeLength} is negative
     */
    protected EpisodicLearner(long seed, long maxEpisodeLength) {
        if (maxEpisodeLength < 0) {
            throw new IllegalArgumentException("maxEpisodeLength " + maxEpisodeLength + " is negative; expected 0 (no limit) or more");
        }
        this.seed = seed;
        this.maxEpisodeLength = maxEpisodeLength;
        // split(): environments seed their own SplittableRandom with the same seed on the first reset;
        // without it the learner's k-th draw would equal the environment's k-th draw (exploration in
        // lockstep with the dynamics).
        this.rng = new SplitMixRandom(seed).split();
    }

    /** @return the seed this learner was built with */
    public final long seed() {
        return seed;
    }

    /**
     * @return the learner's random stream, for its action choices: {@link java.util.SplittableRandom}'s
     *         stream, in a generator whose state a checkpoint can save
     */
    protected final SplitMixRandom random() {
        return rng;
    }

    /** @return the environment steps taken over every call of {@link #train} */
    public final long totalSteps() {
        return totalSteps;
    }

    /** @return the episodes finished over every call of {@link #train} */
    public final long totalEpisodes() {
        return totalEpisodes;
    }

    @Override
    public final void addListener(TrainingListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        listeners.add(listener);
    }

    /**
     * Passes metrics of an update to the listeners.
     *
     * @param metrics the metrics by name, for example {@code "loss"}, as passed to each listener
     */
    protected final void reportMetrics(Map<String, Double> metrics) {
        for (TrainingListener listener : listeners) {
            listener.onUpdate(totalSteps, metrics);
        }
    }

    /**
     * @throws IllegalArgumentException if the environment's spaces do not fit the learner
     */
    @Override
    public final TrainingReport train(Environment<O, A> env, Budget budget) {
        if (env == null || budget == null) {
            throw new IllegalArgumentException("environment and budget must not be null");
        }
        prepare(env);
        if (checkpointFile != null) {
            requireCheckpointable(env);
        }
        return namingLastCheckpoint(() -> runEpisodes(env, budget));
    }

    /** Runs the training loop; a divergence leaving it is told the last good checkpoint. */
    private TrainingReport namingLastCheckpoint(Supplier<TrainingReport> loop) {
        try {
            return loop.get();
        } catch (TrainingDivergedException diverged) {
            diverged.recordCheckpoint(lastCheckpoint, lastCheckpointStep);
            throw diverged;
        }
    }

    private TrainingReport runEpisodes(Environment<O, A> env, Budget budget) {
        long start = System.nanoTime();
        long stepsAtStart = totalSteps;
        long stepsThisCall = 0;
        FinishedEpisodes finished = new FinishedEpisodes();
        boolean stop = false;
        while (!stop && !isFinished() && !budget.isExhausted(stepsThisCall, finished.count)) {
            O observation = startEpisode(env, !environmentSeeded);
            environmentSeeded = true;
            beginEpisode(observation);
            double episodeReturn = 0;
            long length = 0;
            boolean ended = false;
            while (true) {
                A action = act(observation);
                Step<O> step = env.step(action);
                totalSteps++;
                stepsThisCall++;
                length++;
                episodeReturn += step.reward();
                boolean truncated = step.truncated() || (!step.terminated() && maxEpisodeLength > 0 && length >= maxEpisodeLength);
                update(observation, action, step.reward(), step.observation(), step.terminated(), truncated);
                for (TrainingListener listener : listeners) {
                    listener.onStep(totalSteps, step.reward());
                }
                observation = step.observation();
                if (step.terminated() || truncated) {
                    ended = true;
                    break;
                }
                if (budget.unit() == Budget.Unit.STEPS && budget.isExhausted(stepsThisCall, finished.count)) {
                    break;
                }
            }
            if (!ended) {
                break;
            }
            endEpisode();
            stop = finished.add(episodeReturn, length);
            if (checkpointFile != null && totalSteps - lastCheckpointStep >= checkpointInterval) {
                try {
                    saveCheckpoint(checkpointFile, env);
                } catch (IOException failed) {
                    throw new UncheckedIOException("could not write the checkpoint " + checkpointFile + " at step " + totalSteps
                            + ": " + failed.getMessage(), failed);
                }
            }
        }
        return finished.report(totalSteps - stepsAtStart, start);
    }

    /**
     * Trains on the copies of a vector environment, stepped together, until the budget is spent:
     * each vector step asks {@link #actAll} for one action per copy (so that a learner can choose
     * them in one batch), then passes the copies' transitions to {@link #update} one by one, in copy
     * order, each counted as one environment step. Step budgets count transitions, not vector
     * steps: when a budget ends inside a vector step, the transitions after it are dropped.
     * Episodes are reported in the order they end.
     *
     * <p>Every call starts by resetting all copies ({@code reset(seed)} on the learner's first
     * call, so copy {@code i} gets {@code seed + i}; then {@code reset()}); unfinished episodes are
     * abandoned at the end of a call, as {@link #train(Environment, Budget)} does. A vector of one
     * copy therefore gives exactly the numbers of training on that copy alone.
     *
     * <p>Only learners that keep no per-episode state allow it ({@link #prepareVector}); for them
     * {@link #beginEpisode} and {@link #endEpisode} are not called.
     *
     * @param envs   the copies, in {@link VectorEnvironment.AutoresetMode#SAME_STEP} mode (the
     *               final observation of a finished episode comes from the step's info)
     * @param budget the transitions or episodes to train for
     * @return the episodes finished in this call, in the order they ended
     * @throws IllegalArgumentException      if an argument is null, the mode is not {@code SAME_STEP},
     *                                       or the spaces do not fit the learner
     * @throws UnsupportedOperationException if this learner cannot train on interleaved episodes, or
     *                                       was built with an episode-length limit (wrap the
     *                                       copies in a {@link dev.bellman.core.wrappers.TimeLimit} instead)
     * @throws IllegalStateException         if {@link #checkpointEvery} was called: a vector's copies
     *                                       are mid-episode at every step, so there is no boundary
     *                                       to resume from exactly; save between calls instead
     */
    public final TrainingReport train(VectorEnvironment<O, A> envs, Budget budget) {
        if (envs == null || budget == null) {
            throw new IllegalArgumentException("vector environment and budget must not be null");
        }
        if (envs.mode() != VectorEnvironment.AutoresetMode.SAME_STEP) {
            throw new IllegalArgumentException("training needs a vector environment in SAME_STEP auto-reset mode, got "
                    + envs.mode());
        }
        if (maxEpisodeLength > 0) {
            throw new UnsupportedOperationException("a learner with an episode-length limit (" + maxEpisodeLength
                    + ") cannot train on a vector environment; wrap each copy in a TimeLimit instead");
        }
        if (checkpointFile != null) {
            throw new IllegalStateException("checkpointEvery needs a single environment: a vector environment's copies"
                    + " are mid-episode at every step; call saveCheckpoint between train calls instead");
        }
        prepareVector(envs);
        return namingLastCheckpoint(() -> runVector(envs, budget));
    }

    @SuppressWarnings("unchecked")
    private TrainingReport runVector(VectorEnvironment<O, A> envs, Budget budget) {
        long start = System.nanoTime();
        long stepsAtStart = totalSteps;
        long stepsThisCall = 0;
        FinishedEpisodes finished = new FinishedEpisodes();
        int copies = envs.size();
        List<O> observations = new ArrayList<>(environmentSeeded ? envs.reset() : envs.reset(seed));
        List<O> readOnlyObservations = Collections.unmodifiableList(observations);
        environmentSeeded = true;
        double[] episodeReturns = new double[copies];
        long[] episodeLengths = new long[copies];
        List<A> actions = new ArrayList<>(copies);
        boolean stop = false;
        while (!stop && !isFinished() && !budget.isExhausted(stepsThisCall, finished.count)) {
            actions.clear();
            actAll(readOnlyObservations, actions);
            if (actions.size() != copies) {
                throw new IllegalStateException(getClass().getName() + ".actAll chose " + actions.size()
                        + " actions for " + copies + " copies");
            }
            List<Step<O>> steps = envs.step(actions);
            for (int i = 0; i < copies && !stop && !budget.isExhausted(stepsThisCall, finished.count); i++) {
                Step<O> step = steps.get(i);
                totalSteps++;
                stepsThisCall++;
                episodeLengths[i]++;
                episodeReturns[i] += step.reward();
                boolean ended = step.terminated() || step.truncated();
                // SAME_STEP has already reset an ended copy: its own last observation is in the info.
                O next = ended ? (O) step.info().get(VectorEnvironment.INFO_FINAL_OBSERVATION) : step.observation();
                if (next == null) {
                    throw new IllegalStateException("copy " + i + " ended its episode without a "
                            + VectorEnvironment.INFO_FINAL_OBSERVATION + " in the step's info");
                }
                update(observations.get(i), actions.get(i), step.reward(), next, step.terminated(), step.truncated());
                for (TrainingListener listener : listeners) {
                    listener.onStep(totalSteps, step.reward());
                }
                observations.set(i, step.observation());
                if (ended) {
                    stop = finished.add(episodeReturns[i], episodeLengths[i]);
                    episodeReturns[i] = 0;
                    episodeLengths[i] = 0;
                }
            }
        }
        return finished.report(totalSteps - stepsAtStart, start);
    }

    /** The returns and lengths of the episodes one train call finished, told to the listeners as they end. */
    private final class FinishedEpisodes {
        private double[] returns = new double[16];
        private long[] lengths = new long[16];
        private int count;

        /** @return whether a listener asked to stop */
        boolean add(double episodeReturn, long length) {
            if (count == returns.length) {
                returns = Arrays.copyOf(returns, returns.length * 2);
                lengths = Arrays.copyOf(lengths, lengths.length * 2);
            }
            returns[count] = episodeReturn;
            lengths[count] = length;
            count++;
            for (TrainingListener listener : listeners) {
                listener.onEpisodeEnd(totalEpisodes, episodeReturn, length, totalSteps);
            }
            totalEpisodes++;
            boolean stop = false;
            for (TrainingListener listener : listeners) {
                stop |= listener.shouldStop();
            }
            return stop;
        }

        TrainingReport report(long steps, long startNanos) {
            return new TrainingReport(Arrays.copyOf(returns, count), Arrays.copyOf(lengths, count), steps,
                    Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }

    /**
     * Has {@link #train} write a checkpoint to {@code file} at the first episode boundary after
     * every {@code steps} environment steps (counted from the last checkpoint), replacing the
     * previous one atomically.
     *
     * @param steps the least number of steps between checkpoints, at least 1
     * @param file  the checkpoint file; its directory must exist
     * @throws IllegalArgumentException if {@code steps < 1} or {@code file} is null
     */
    public final void checkpointEvery(long steps, Path file) {
        if (steps < 1) {
            throw new IllegalArgumentException("checkpoint interval " + steps + " must be at least 1 step");
        }
        if (file == null) {
            throw new IllegalArgumentException("checkpoint file must not be null");
        }
        this.checkpointInterval = steps;
        this.checkpointFile = file;
    }

    /**
     * Writes the learner's complete state and the environment's to {@code file}, atomically: the
     * parameters, optimizer moments, schedules, step and episode counters and random generators'
     * states. Call it between {@link #train} calls (every {@code train} call starts a new episode,
     * so nothing of an unfinished episode is lost).
     *
     * @param file the checkpoint file; its directory must exist
     * @param env  the environment being trained on; it must be {@link Checkpointable}
     * @throws IllegalArgumentException if the environment is not {@link Checkpointable} or does not
     *                                  fit the learner
     * @throws UnsupportedOperationException if this learner does not support checkpoints
     * @throws IOException              if writing fails; an earlier checkpoint at {@code file} is then left as it was
     */
    public final void saveCheckpoint(Path file, Environment<O, A> env) throws IOException {
        if (file == null || env == null) {
            throw new IllegalArgumentException("checkpoint file and environment must not be null");
        }
        Checkpointable environmentState = requireCheckpointable(env);
        prepare(env);
        writeCheckpoint(file, env.getClass().getName(), environmentState);
    }

    /**
     * Replaces the learner's state and the environment's with a checkpoint's. The learner must be
     * built with the settings of the one that wrote it, and the environment be of the same class
     * and configuration; the next {@link #train} call continues exactly where the checkpointed run
     * stood. Listeners are not part of a checkpoint: the ones added stay.
     *
     * @param file the checkpoint
     * @param env  the environment to restore and train on
     * @return the checkpoint's header (its step and episode counts)
     * @throws IllegalArgumentException   if the environment is not {@link Checkpointable} or does not fit the learner
     * @throws dev.bellman.core.checkpoint.InvalidCheckpointException if the file is not a checkpoint, has another
     *                                    format version, was written by another algorithm or environment, is
     *                                    truncated or corrupted, or was made with other settings or sizes; if
     *                                    the settings or sizes differ, the learner and environment may be partly
     *                                    overwritten and should be discarded
     * @throws IOException                if the file cannot be read
     */
    public final CheckpointFiles.Header loadCheckpoint(Path file, Environment<O, A> env) throws IOException {
        if (file == null || env == null) {
            throw new IllegalArgumentException("checkpoint file and environment must not be null");
        }
        Checkpointable environmentState = requireCheckpointable(env);
        prepare(env);
        return readCheckpoint(file, env.getClass().getName(), environmentState);
    }

    /**
     * Writes the learner's state and the state of every copy of {@code envs}, as
     * {@link #saveCheckpoint(Path, Environment)} does for one environment. Call it between
     * {@link #train(VectorEnvironment, Budget)} calls: each call starts by resetting the copies,
     * so the resumed run continues exactly.
     *
     * @param file the checkpoint file; its directory must exist
     * @param envs the vector environment being trained on; every copy must be {@link Checkpointable}
     * @throws IllegalArgumentException      if a copy is not {@link Checkpointable} or the spaces do not fit
     * @throws UnsupportedOperationException if this learner does not support checkpoints or vector environments
     * @throws IOException                   if writing fails; an earlier checkpoint at {@code file} is then left as it was
     */
    public final void saveCheckpoint(Path file, VectorEnvironment<O, A> envs) throws IOException {
        if (file == null || envs == null) {
            throw new IllegalArgumentException("checkpoint file and vector environment must not be null");
        }
        Checkpointable copies = vectorState(envs);
        prepareVector(envs);
        writeCheckpoint(file, vectorName(envs), copies);
    }

    /**
     * Replaces the learner's state and that of every copy of {@code envs} with a checkpoint's
     * written by {@link #saveCheckpoint(Path, VectorEnvironment)} with as many copies of the same
     * environment class.
     *
     * @param file the checkpoint
     * @param envs the vector environment to restore and train on
     * @return the checkpoint's header
     * @throws IllegalArgumentException   if a copy is not {@link Checkpointable} or the spaces do not fit
     * @throws dev.bellman.core.checkpoint.InvalidCheckpointException as {@link #loadCheckpoint(Path, Environment)},
     *                                    and if the checkpoint holds another number of copies
     * @throws IOException                if the file cannot be read
     */
    public final CheckpointFiles.Header loadCheckpoint(Path file, VectorEnvironment<O, A> envs) throws IOException {
        if (file == null || envs == null) {
            throw new IllegalArgumentException("checkpoint file and vector environment must not be null");
        }
        Checkpointable copies = vectorState(envs);
        prepareVector(envs);
        return readCheckpoint(file, vectorName(envs), copies);
    }

    private void writeCheckpoint(Path file, String environmentName, Checkpointable environmentState) throws IOException {
        CheckpointFiles.write(file, new CheckpointFiles.Header(CheckpointFiles.FORMAT_VERSION, getClass().getName(),
                environmentName, totalSteps, totalEpisodes), parts(environmentState));
        lastCheckpoint = file;
        lastCheckpointStep = totalSteps;
    }

    private CheckpointFiles.Header readCheckpoint(Path file, String environmentName, Checkpointable environmentState)
            throws IOException {
        CheckpointFiles.Header header = CheckpointFiles.read(file, getClass().getName(), environmentName, parts(environmentState));
        lastCheckpoint = file;
        lastCheckpointStep = totalSteps;
        return header;
    }

    private static String vectorName(VectorEnvironment<?, ?> envs) {
        return envs.size() + " copies of " + envs.environments().get(0).getClass().getName();
    }

    private Checkpointable vectorState(VectorEnvironment<O, A> envs) {
        List<Checkpointable> copies = new ArrayList<>();
        for (Environment<O, A> copy : envs.environments()) {
            copies.add(requireCheckpointable(copy));
        }
        return new Checkpointable() {
            @Override
            public void writeState(StateWriter out) throws IOException {
                for (int i = 0; i < copies.size(); i++) {
                    out.writeObject("copy-" + i, copies.get(i));
                }
            }

            @Override
            public void readState(StateReader in) throws IOException {
                for (int i = 0; i < copies.size(); i++) {
                    in.readObject("copy-" + i, copies.get(i));
                }
            }
        };
    }

    /**
     * Adds an object whose state goes into every checkpoint after the learner's and the
     * environment's, and is restored by {@link #loadCheckpoint}: for example a listener that keeps
     * the run's log. A checkpoint loads only into a learner with the same parts, added in the same order.
     *
     * @param name the part's name, unique, not {@code learner} or {@code environment}
     * @param part the object
     * @throws IllegalArgumentException if the name is blank or taken, or the part is null
     */
    public final void addCheckpointPart(String name, Checkpointable part) {
        if (name == null || name.isBlank() || part == null) {
            throw new IllegalArgumentException("a checkpoint part needs a name and an object; got " + name + " and " + part);
        }
        boolean taken = name.equals("learner") || name.equals("environment")
                || extraParts.stream().anyMatch(existing -> existing.name().equals(name));
        if (taken) {
            throw new IllegalArgumentException("the checkpoint part name '" + name + "' is taken");
        }
        extraParts.add(new CheckpointFiles.Part(name, part));
    }

    /** @return the file of the last checkpoint written or loaded, or null */
    public final Path lastCheckpoint() {
        return lastCheckpoint;
    }

    private CheckpointFiles.Part[] parts(Checkpointable environmentState) {
        List<CheckpointFiles.Part> parts = new ArrayList<>();
        parts.add(new CheckpointFiles.Part("learner", this));
        parts.add(new CheckpointFiles.Part("environment", environmentState));
        parts.addAll(extraParts);
        return parts.toArray(CheckpointFiles.Part[]::new);
    }

    private Checkpointable requireCheckpointable(Environment<O, A> env) {
        if (env instanceof Checkpointable state) {
            return state;
        }
        throw new IllegalArgumentException("the environment " + env.getClass().getName() + " does not implement "
                + Checkpointable.class.getName() + ", so a checkpoint cannot save its random state;"
                + " implement writeState and readState (docs/checkpoints.md)");
    }

    /**
     * Writes the training loop's state (seed, counters, random stream), then
     * {@link #writeLearnerState}.
     */
    @Override
    public final void writeState(StateWriter out) throws IOException {
        out.section("episodic-learner");
        out.writeLong(seed);
        out.writeLong(maxEpisodeLength);
        out.writeRandom(rng);
        out.writeBoolean(environmentSeeded);
        out.writeLong(totalSteps);
        out.writeLong(totalEpisodes);
        out.section(getClass().getSimpleName());
        writeLearnerState(out);
    }

    /**
     * Reads what {@link #writeState} wrote; the learner must have been prepared for the
     * environment ({@link #loadCheckpoint} does that).
     *
     * @throws dev.bellman.core.checkpoint.InvalidCheckpointException if the seed, episode limit or the
     *                                                                learner's own state differ
     */
    @Override
    public final void readState(StateReader in) throws IOException {
        in.section("episodic-learner");
        in.expectLong("seed", seed);
        in.expectLong("episode-length limit", maxEpisodeLength);
        in.readRandom(rng);
        environmentSeeded = in.readBoolean();
        totalSteps = in.readLong();
        totalEpisodes = in.readLong();
        in.section(getClass().getSimpleName());
        readLearnerState(in);
    }

    /**
     * Writes the learner's own state: everything that the next {@link #train} call reads. The
     * default supports no checkpoints.
     *
     * @param out the writer of the checkpoint's learner section
     * @throws UnsupportedOperationException if the learner does not support checkpoints
     * @throws IOException                   if writing fails
     */
    protected void writeLearnerState(StateWriter out) throws IOException {
        throw new UnsupportedOperationException(getClass().getName() + " does not support checkpoints");
    }

    /**
     * Reads what {@link #writeLearnerState} wrote.
     *
     * @param in the reader of the checkpoint's learner section
     * @throws UnsupportedOperationException if the learner does not support checkpoints
     * @throws IOException                   if the state does not fit or reading fails
     */
    protected void readLearnerState(StateReader in) throws IOException {
        throw new UnsupportedOperationException(getClass().getName() + " does not support checkpoints");
    }

    /**
     * A divergence found at the current step, for a learner to throw; {@link #train} adds the last
     * good checkpoint to it.
     *
     * @param quantity what diverged
     * @param value    its value
     * @param detail   what was expected and what to try
     * @return the exception
     */
    protected final TrainingDivergedException diverged(String quantity, double value, String detail) {
        return new TrainingDivergedException(totalSteps, quantity, value, detail);
    }

    /**
     * Checks the environment's spaces and sizes the learner's tables; called at the start of every
     * {@link #train} call.
     *
     * @param env the environment about to be trained on
     * @throws IllegalArgumentException if the spaces do not fit the learner
     */
    protected abstract void prepare(Environment<O, A> env);

    /**
     * Checks a vector environment's spaces and sizes the learner's tables; called at the start of
     * every {@link #train(VectorEnvironment, Budget)} call. The default refuses: most learners keep
     * per-episode state (traces, n-step windows, episode buffers) that interleaved episodes would
     * mix. A learner that keeps none overrides it, typically to call {@link #prepare} with copy 0.
     *
     * @param envs the vector environment about to be trained on
     * @throws UnsupportedOperationException if this learner cannot learn from interleaved episodes
     * @throws IllegalArgumentException      if the spaces do not fit the learner
     */
    protected void prepareVector(VectorEnvironment<O, A> envs) {
        throw new UnsupportedOperationException(getClass().getName() + " learns from one episode at a time and cannot"
                + " train on a vector environment; train it on a single Environment");
    }

    /**
     * Chooses the action of every copy of a vector environment for one vector step; the default
     * calls {@link #act} for each observation in order. Override it to choose in one batch.
     *
     * @param observations the current observation of each copy, in order; read-only
     * @param actions      an empty list to receive one action per copy, in order
     */
    protected void actAll(List<O> observations, List<A> actions) {
        for (O observation : observations) {
            actions.add(act(observation));
        }
    }

    /**
     * Resets the environment for a new episode: {@code reset(seed)} the first time, {@code reset()}
     * after. Learners with exploring starts override it to choose the start state.
     *
     * @param env   the environment to reset
     * @param first {@code true} for the learner's first episode, when the environment must be seeded
     * @return the first observation
     */
    protected O startEpisode(Environment<O, A> env, boolean first) {
        return first ? env.reset(seed) : env.reset();
    }

    /**
     * Whether the learner has nothing left to learn (for example a policy iteration whose policy is
     * stable); checked before each episode. The default is {@code false}: train until the budget.
     *
     * @return {@code true} to stop training before the budget is spent
     */
    protected boolean isFinished() {
        return false;
    }

    /**
     * Called with the first observation of each episode; the default does nothing.
     *
     * @param observation the first observation of the episode
     */
    protected void beginEpisode(O observation) {
    }

    /**
     * Chooses the action to take in {@code observation} during training (the behaviour policy).
     *
     * @param observation the current observation
     * @return the action to take, from the environment's action space
     */
    protected abstract A act(O observation);

    /**
     * Learns from one transition.
     *
     * @param observation the observation the action was taken in
     * @param action      the action taken
     * @param reward      the reward received for the transition
     * @param next        the next observation
     * @param terminated  the next observation is terminal: its value is 0
     * @param truncated   the episode was cut off: the next observation still has its value
     */
    protected abstract void update(O observation, A action, double reward, O next, boolean terminated, boolean truncated);

    /** Called after the last {@link #update} of each finished episode; the default does nothing. */
    protected void endEpisode() {
    }
}
