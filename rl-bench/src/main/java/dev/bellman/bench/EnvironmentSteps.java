package dev.bellman.bench;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.wrappers.ParallelVectorEnvironment;
import dev.bellman.core.wrappers.SyncVectorEnvironment;
import dev.bellman.core.wrappers.VectorEnvironment;
import dev.bellman.core.wrappers.VectorEnvironment.AutoresetMode;
import dev.bellman.env.classic.Acrobot;
import dev.bellman.env.classic.CartPole;
import dev.bellman.env.classic.ContinuousMountainCar;
import dev.bellman.env.classic.Environments;
import dev.bellman.env.classic.MountainCar;
import dev.bellman.env.classic.Pendulum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Environment steps per second of the classic-control environments, each alone and as a vector of
 * {@value #VECTOR_SIZE} copies. The score of every benchmark is <em>environment steps per
 * second</em> (JMH's {@code ops/s}, with {@link OperationsPerInvocation} set to the steps of one
 * invocation).
 *
 * <ul>
 *   <li>{@code raw}: the environment class itself ({@link CartPole}, ...), never truncated. One
 *   invocation is {@value #STEPS_PER_INVOCATION} steps; a step that ends the episode is followed by
 *   {@code reset()}, which continues the environment's random stream (the reset is inside the
 *   timed loop and not counted as a step). {@code Pendulum-v1} never terminates, so it never resets.</li>
 *   <li>{@code registered}: the same loop on {@link Environments#make(String)}, the raw environment
 *   in a {@link dev.bellman.core.wrappers.TimeLimit}.</li>
 *   <li>{@code syncVector} and {@code parallelVector}: {@value #VECTOR_SIZE} registered copies in a
 *   {@link SyncVectorEnvironment} or a {@link ParallelVectorEnvironment} with
 *   {@value #PARALLEL_THREADS} threads (the caller's and one worker), both
 *   {@link AutoresetMode#SAME_STEP}. One invocation is one vector step, {@value #VECTOR_SIZE}
 *   environment steps.</li>
 * </ul>
 *
 * <p>Actions come from a precomputed cycle of {@value #ACTION_CYCLE} actions drawn once from the
 * action space with seed {@value #SEED} ({@link #actionCycle}), so no random number is drawn in the
 * timed loop: preboxed {@code Integer}s for the discrete environments, one-element {@code double[]}s
 * inside the bounds for the continuous ones. The vector benchmarks cycle through action lists built
 * from the same actions. Each environment's observation and reward are consumed by a
 * {@link Blackhole} (the vector benchmarks return the list of steps), so the observation arrays
 * escape, as they do for a caller who reads them. Under {@code -prof gc}, {@code gc.alloc.rate.norm}
 * is bytes allocated per environment step.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {ValueIterationSweep.HEAP_MIN, ValueIterationSweep.HEAP_MAX,
        ValueIterationSweep.PRE_TOUCH})
public class EnvironmentSteps {

    /** Environment steps per invocation of the single-environment benchmarks. */
    static final int STEPS_PER_INVOCATION = 1000;
    /** Copies in the vector benchmarks. */
    static final int VECTOR_SIZE = 8;
    /** Threads of the parallel vector, the calling thread included. */
    static final int PARALLEL_THREADS = 2;
    /** Length of the precomputed action cycle; a power of two, so the cursor wraps with a mask. */
    static final int ACTION_CYCLE = 4096;
    /** The seed of the action cycle and of the environments' first reset. */
    static final long SEED = 42;

    /**
     * @param id a registered id
     * @return the raw environment registered under {@code id}, in its default variant, without the
     *         {@link dev.bellman.core.wrappers.TimeLimit}
     * @throws IllegalArgumentException if {@code id} is not a classic-control id
     */
    static Environment<double[], ?> raw(String id) {
        return switch (id) {
            case "CartPole-v1", "CartPole-v0" -> new CartPole();
            case "MountainCar-v0" -> new MountainCar();
            case "MountainCarContinuous-v0" -> new ContinuousMountainCar();
            case "Pendulum-v1" -> new Pendulum();
            case "Acrobot-v1" -> new Acrobot();
            default -> throw new IllegalArgumentException("environment id \"" + id
                    + "\" has no raw form here; expected one of " + Environments.ids());
        };
    }

    /**
     * Draws {@code length} actions from {@code env}'s action space with a generator seeded by
     * {@code seed}: {@code Integer}s for a discrete space, {@code double[]}s for a box.
     *
     * @param env    the environment whose action space is sampled
     * @param length the number of actions, at least 1
     * @param seed   the seed; the same seed gives the same actions
     * @return the actions, each in the action space
     * @throws IllegalArgumentException if {@code length < 1}
     */
    static Object[] actionCycle(Environment<double[], ?> env, int length, long seed) {
        if (length < 1) {
            throw new IllegalArgumentException("action cycle length = " + length + " must be at least 1");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        Object[] actions = new Object[length];
        for (int i = 0; i < length; i++) {
            actions[i] = env.actionSpace().sample(rng);
        }
        return actions;
    }

    /**
     * Groups a cycle of actions into {@code actions.length / size} lists of {@code size}, list
     * {@code j} holding actions {@code j·size} to {@code j·size + size − 1}.
     *
     * @param actions the action cycle; its length a multiple of {@code size}
     * @param size    the number of copies in the vector, at least 1
     * @return the action lists, each unmodifiable
     * @throws IllegalArgumentException if {@code size < 1} or does not divide the cycle's length
     */
    static List<List<Object>> actionLists(Object[] actions, int size) {
        if (size < 1 || actions.length % size != 0) {
            throw new IllegalArgumentException("vector size " + size + " must be at least 1 and divide the "
                    + actions.length + " actions of the cycle");
        }
        List<List<Object>> lists = new ArrayList<>(actions.length / size);
        for (int from = 0; from < actions.length; from += size) {
            lists.add(List.of(Arrays.copyOfRange(actions, from, from + size)));
        }
        return List.copyOf(lists);
    }

    // Every environment of an id takes the actions its own action space sampled, so the cast is safe.
    @SuppressWarnings("unchecked")
    private static Environment<double[], Object> untyped(Environment<double[], ?> env) {
        return (Environment<double[], Object>) env;
    }

    /** One environment, raw or registered, with its action cycle; built once per trial. */
    abstract static class Single {
        Environment<double[], Object> env;
        Object[] actions;
        int cursor;

        void build(Environment<double[], ?> environment) {
            env = untyped(environment);
            actions = actionCycle(environment, ACTION_CYCLE, SEED);
            cursor = 0;
            env.reset(SEED);
        }

        /** {@value #STEPS_PER_INVOCATION} steps, resetting after every finished episode. */
        final void run(Blackhole blackhole) {
            Environment<double[], Object> e = env;
            Object[] a = actions;
            int c = cursor;
            for (int i = 0; i < STEPS_PER_INVOCATION; i++) {
                Step<double[]> step = e.step(a[c]);
                c = (c + 1) & (ACTION_CYCLE - 1);
                blackhole.consume(step.observation());
                blackhole.consume(step.reward());
                if (step.done()) {
                    blackhole.consume(e.reset());
                }
            }
            cursor = c;
        }
    }

    /** The raw environment. */
    @State(Scope.Thread)
    public static class Raw extends Single {
        /** The registered id whose raw environment is stepped. */
        @Param({"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Pendulum-v1", "Acrobot-v1"})
        public String id;

        /** Builds the environment and its actions, and resets it with {@link #SEED}. */
        @Setup(Level.Trial)
        public void setUp() {
            build(raw(id));
        }
    }

    /** The registered environment: the raw one in its {@code TimeLimit}. */
    @State(Scope.Thread)
    public static class Registered extends Single {
        /** The registered id. */
        @Param({"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Pendulum-v1", "Acrobot-v1"})
        public String id;

        /** Builds the environment and its actions, and resets it with {@link #SEED}. */
        @Setup(Level.Trial)
        public void setUp() {
            build(Environments.make(id));
        }
    }

    /** A vector of {@value #VECTOR_SIZE} registered copies with its action lists; built once per trial. */
    abstract static class Vector {
        VectorEnvironment<double[], Object> vector;
        List<List<Object>> actionLists;
        int cursor;

        void build(String id, boolean parallel) {
            List<Environment<double[], Object>> copies = new ArrayList<>(VECTOR_SIZE);
            for (int i = 0; i < VECTOR_SIZE; i++) {
                copies.add(untyped(Environments.make(id)));
            }
            vector = parallel
                    ? new ParallelVectorEnvironment<>(copies, AutoresetMode.SAME_STEP, PARALLEL_THREADS)
                    : new SyncVectorEnvironment<>(copies, AutoresetMode.SAME_STEP);
            actionLists = actionLists(actionCycle(copies.get(0), ACTION_CYCLE, SEED), VECTOR_SIZE);
            cursor = 0;
            vector.reset(SEED);
        }

        /** One vector step with the next action list. */
        final List<Step<double[]>> step() {
            List<Step<double[]>> steps = vector.step(actionLists.get(cursor));
            cursor = (cursor + 1) % actionLists.size();
            return steps;
        }

        /** Closes the vector (and stops a parallel vector's worker threads). */
        @TearDown(Level.Trial)
        public void close() {
            vector.close();
        }
    }

    /** {@value #VECTOR_SIZE} copies stepped in the calling thread. */
    @State(Scope.Thread)
    public static class SyncVector extends Vector {
        /** The registered id of every copy. */
        @Param({"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Pendulum-v1", "Acrobot-v1"})
        public String id;

        /** Builds the vector and its action lists, and resets it with {@link #SEED}. */
        @Setup(Level.Trial)
        public void setUp() {
            build(id, false);
        }
    }

    /** {@value #VECTOR_SIZE} copies stepped on {@value #PARALLEL_THREADS} threads. */
    @State(Scope.Thread)
    public static class ParallelVector extends Vector {
        /** The registered id of every copy. */
        @Param({"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Pendulum-v1", "Acrobot-v1"})
        public String id;

        /** Builds the vector, starts its worker thread, and resets it with {@link #SEED}. */
        @Setup(Level.Trial)
        public void setUp() {
            build(id, true);
        }
    }

    /**
     * {@value #STEPS_PER_INVOCATION} steps of the raw environment.
     *
     * @param run       the environment
     * @param blackhole consumes every observation and reward
     */
    @Benchmark
    @OperationsPerInvocation(STEPS_PER_INVOCATION)
    public void raw(Raw run, Blackhole blackhole) {
        run.run(blackhole);
    }

    /**
     * {@value #STEPS_PER_INVOCATION} steps of the registered environment.
     *
     * @param run       the environment
     * @param blackhole consumes every observation and reward
     */
    @Benchmark
    @OperationsPerInvocation(STEPS_PER_INVOCATION)
    public void registered(Registered run, Blackhole blackhole) {
        run.run(blackhole);
    }

    /**
     * One step of the synchronous vector: {@value #VECTOR_SIZE} environment steps.
     *
     * @param run the vector
     * @return the steps, so that they cannot be optimised away
     */
    @Benchmark
    @OperationsPerInvocation(VECTOR_SIZE)
    public List<Step<double[]>> syncVector(SyncVector run) {
        return run.step();
    }

    /**
     * One step of the parallel vector: {@value #VECTOR_SIZE} environment steps.
     *
     * @param run the vector
     * @return the steps, so that they cannot be optimised away
     */
    @Benchmark
    @OperationsPerInvocation(VECTOR_SIZE)
    public List<Step<double[]>> parallelVector(ParallelVector run) {
        return run.step();
    }
}
