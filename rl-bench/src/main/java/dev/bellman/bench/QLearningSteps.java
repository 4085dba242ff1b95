package dev.bellman.bench;

import burlap.debugtools.RandomFactory;
import burlap.mdp.singleagent.environment.SimulatedEnvironment;
import burlap.mdp.singleagent.oo.OOSADomain;
import burlap.statehashing.simple.SimpleHashableStateFactory;
import dev.bellman.core.Budget;
import dev.bellman.core.TrainingReport;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.td.QLearning;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * On-policy Q-learning on the {@code n × n} {@link ShortestPathGrid} (gamma 0.99, alpha 0.1,
 * epsilon 0.1, episodes cut off after 200 steps), Bellman against BURLAP 3.0.1, on one thread.
 *
 * <p>One invocation is {@value #STEPS_PER_OPERATION} environment steps of training, each step an
 * epsilon-greedy action choice, an environment step and a Q-learning update. The learner and its
 * table live for the whole trial, so the warm-up iterations also do the learning: the measured
 * iterations train learners whose greedy path is already (close to) the shortest one, with episodes
 * of about 20 steps, and every episode starts with a reset. The secondary score {@code steps} is
 * environment steps per second, the figure to compare; {@code episodes} is the episodes finished per
 * second. Under {@code -prof gc}, {@code gc.alloc.rate.norm} divided by {@value #STEPS_PER_OPERATION}
 * is the bytes allocated per step.
 *
 * <ul>
 *   <li>{@code bellman}: {@link QLearning#train} with {@code Budget.steps(10000)} on Bellman's
 *   {@link GridWorld}; the training loop is {@code dev.bellman.core.EpisodicLearner}'s, with no
 *   listener. An episode still running when the budget is spent is abandoned, as the loop does.</li>
 *   <li>{@code burlap}: BURLAP's
 *   {@link burlap.behavior.singleagent.learning.tdmethods.QLearning#runLearningEpisode(burlap.mdp.singleagent.environment.Environment, int)}
 *   on a {@link SimulatedEnvironment} of BURLAP's grid world, episode after episode (each after
 *   {@code resetEnvironment()}), the last one cut off where the step budget ends. BURLAP's defaults
 *   give the same learner: epsilon-greedy with epsilon 0.1 and random tie-breaking, a constant
 *   learning rate, initial values 0, states hashed by its {@link SimpleHashableStateFactory}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ValueIterationSweep.HEAP_MIN, ValueIterationSweep.HEAP_MAX,
        ValueIterationSweep.PRE_TOUCH})
public class QLearningSteps {

    /** The discount factor. */
    static final double GAMMA = 0.99;
    /** The constant step size. */
    static final double ALPHA = 0.1;
    /** The exploration rate of the epsilon-greedy behaviour; also BURLAP's default. */
    static final double EPSILON = 0.1;
    /** Steps after which an episode is cut off (truncated: the last update still bootstraps). */
    static final int MAX_EPISODE_LENGTH = 200;
    /** Environment steps per benchmark invocation. */
    static final long STEPS_PER_OPERATION = 10_000;
    /** The seed of both learners' random streams. */
    static final long SEED = 42;

    /**
     * @param seed the seed of the learner's random stream and of the environment's first reset
     * @return Bellman's on-policy Q-learning with this benchmark's settings, initial values 0
     */
    static QLearning bellmanLearner(long seed) {
        return new QLearning(LearnerSettings.builder()
                .gamma(GAMMA)
                .alpha(ALPHA)
                .epsilon(EPSILON)
                .maxEpisodeLength(MAX_EPISODE_LENGTH)
                .seed(seed)
                .build());
    }

    /**
     * BURLAP's Q-learning with this benchmark's settings. BURLAP draws its random numbers from a
     * process-wide generator ({@link RandomFactory#getMapped(int) RandomFactory.getMapped(0)}),
     * which its epsilon-greedy policy takes when it is built; that generator is seeded here first.
     *
     * @param seed the seed of BURLAP's shared generator
     * @return BURLAP's on-policy Q-learning: epsilon-greedy (its default, epsilon 0.1), initial
     *         values 0, a constant learning rate of {@value #ALPHA}
     */
    static burlap.behavior.singleagent.learning.tdmethods.QLearning burlapLearner(OOSADomain domain, long seed) {
        RandomFactory.seedMapped(0, seed);
        return new burlap.behavior.singleagent.learning.tdmethods.QLearning(domain, GAMMA,
                new SimpleHashableStateFactory(), 0.0, ALPHA, MAX_EPISODE_LENGTH);
    }

    /**
     * Trains BURLAP's learner for exactly {@code steps} environment steps: episodes of at most
     * {@value #MAX_EPISODE_LENGTH} steps, each from a reset, the last one cut short by the budget.
     *
     * @return the episodes finished (at the goal or at the length limit), not counting one cut short
     */
    static long trainBurlap(burlap.behavior.singleagent.learning.tdmethods.QLearning learner,
                            SimulatedEnvironment env, long steps) {
        long remaining = steps;
        long finished = 0;
        while (remaining > 0) {
            env.resetEnvironment();
            learner.runLearningEpisode(env, (int) Math.min(MAX_EPISODE_LENGTH, remaining));
            int length = learner.getLastNumSteps();
            remaining -= length;
            if (env.isInTerminalState() || length == MAX_EPISODE_LENGTH) {
                finished++;
            }
        }
        return finished;
    }

    /** Bellman's world and learner, created once per trial. */
    @State(Scope.Benchmark)
    public static class BellmanRun {
        /** The grid's side. */
        @Param({"10"})
        public int n;

        GridWorld world;
        QLearning learner;
        Budget budget;

        /** Builds the world and an untrained learner. */
        @Setup(Level.Trial)
        public void build() {
            world = ShortestPathGrid.of(n).gridWorld();
            learner = bellmanLearner(SEED);
            budget = Budget.steps(STEPS_PER_OPERATION);
        }
    }

    /** BURLAP's world, environment and learner, created once per trial. */
    @State(Scope.Benchmark)
    public static class BurlapRun {
        /** The grid's side. */
        @Param({"10"})
        public int n;

        SimulatedEnvironment env;
        burlap.behavior.singleagent.learning.tdmethods.QLearning learner;

        /** Builds the domain, its environment (starting top left) and an untrained learner. */
        @Setup(Level.Trial)
        public void build() {
            ShortestPathGrid grid = ShortestPathGrid.of(n);
            OOSADomain domain = grid.burlapDomain();
            env = grid.burlapEnvironment(domain);
            learner = burlapLearner(domain, SEED);
        }
    }

    /** The steps and finished episodes of the current iteration, reported by JMH as rates. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Progress {
        /** Environment steps so far in this iteration. */
        public long steps;
        /** Episodes finished so far in this iteration. */
        public long episodes;

        /** JMH leaves auxiliary counters to the benchmark: start each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            steps = 0;
            episodes = 0;
        }
    }

    /**
     * @param run      Bellman's world and learner
     * @param progress the counters of steps and finished episodes
     * @return the training report, so that the work cannot be optimised away
     */
    @Benchmark
    public TrainingReport bellman(BellmanRun run, Progress progress) {
        TrainingReport report = run.learner.train(run.world, run.budget);
        progress.steps += report.totalSteps();
        progress.episodes += report.episodeCount();
        return report;
    }

    /**
     * @param run      BURLAP's world, environment and learner
     * @param progress the counters of steps and finished episodes
     * @return the episodes finished, so that the work cannot be optimised away
     */
    @Benchmark
    public long burlap(BurlapRun run, Progress progress) {
        long finished = trainBurlap(run.learner, run.env, STEPS_PER_OPERATION);
        progress.steps += STEPS_PER_OPERATION;
        progress.episodes += finished;
        return finished;
    }
}
