package dev.bellman.bench;

import burlap.behavior.singleagent.planning.stochastic.valueiteration.ValueIteration;
import dev.bellman.core.TabularModel;
import dev.bellman.tabular.dp.BellmanOperator;
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

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One sweep of value iteration over every state of the {@code n × n} {@link BenchmarkGrid}
 * (five actions, gamma 0.9), Bellman against BURLAP 3.0.1, on one thread.
 *
 * <p>The primary score is sweeps per second; the secondary score {@code backups} is state-action
 * backups per second ({@code states × actions} per sweep), the figure to compare across libraries
 * and sizes.
 *
 * <ul>
 *   <li>{@code bellman}: {@link BellmanOperator#optimalitySweep(TabularModel, double, double[], double[])}
 *   on the model compiled once in setup. The sweep is synchronous: it reads {@code values} and
 *   writes {@code target}, and the two arrays swap after each invocation, so every invocation sweeps
 *   the value function the previous one produced, exactly as {@code ValueIteration.solve} does;
 *   after a few hundred invocations the values sit at the fixed point.</li>
 *   <li>{@code burlap}: BURLAP's {@link ValueIteration#runVI()} with {@code maxIterations = 1}, one
 *   in-place pass over the states it enumerated in setup. Its values likewise evolve from
 *   invocation to invocation.</li>
 * </ul>
 *
 * <p>Building the model (Bellman) and enumerating the reachable states (BURLAP) happen in setup and
 * are not measured. BURLAP gets as many seconds as the system property {@value #BUDGET_PROPERTY}
 * says (default {@value #DEFAULT_BUDGET_SECONDS}) to enumerate the states, and as many again for a
 * first sweep; a size it cannot manage fails in setup with a message starting "did not finish", and
 * JMH moves on to the next.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ValueIterationSweep.HEAP_MIN, ValueIterationSweep.HEAP_MAX,
        ValueIterationSweep.PRE_TOUCH})
public class ValueIterationSweep {

    /** The discount factor of Zhao's grid world. */
    static final double GAMMA = 0.9;

    /** A fixed heap, large enough for BURLAP's million-state value table. */
    static final String HEAP_MIN = "-Xms4g";
    /** See {@link #HEAP_MIN}. */
    static final String HEAP_MAX = "-Xmx4g";
    /**
     * Touches every heap page at start-up. Without it, BURLAP's first passes through a fresh 4 GB
     * young generation run up to ten times slower (page faults on first touch, measured here: 3
     * against 40 sweeps per second at n = 100, with no JIT activity in between).
     */
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    /** The system property that bounds, in seconds, each of BURLAP's two setup steps. */
    public static final String BUDGET_PROPERTY = "bellman.bench.burlapBudgetSeconds";
    /** The default of {@value #BUDGET_PROPERTY}. */
    public static final int DEFAULT_BUDGET_SECONDS = 60;

    /**
     * Bellman's compiled world and the two value arrays of a synchronous sweep.
     */
    @State(Scope.Benchmark)
    public static class BellmanSweep {
        /** The grid's side; the world has {@code n * n} states. */
        @Param({"100", "300", "1000"})
        public int n;

        TabularModel model;
        double[] values;
        double[] target;
        long backupsPerSweep;

        /** Builds and compiles the world, and starts from {@code v = 0}. */
        @Setup(Level.Trial)
        public void compile() {
            long start = System.nanoTime();
            model = TabularModel.of(BenchmarkGrid.of(n).gridWorld(true));
            report("Bellman built and compiled the " + n + "x" + n + " world", start);
            values = new double[model.stateCount()];
            target = new double[model.stateCount()];
            backupsPerSweep = (long) model.stateCount() * model.actionCount();
        }

        void swap() {
            double[] previous = values;
            values = target;
            target = previous;
        }
    }

    /**
     * BURLAP's planner for the same world, with its reachable states enumerated.
     */
    @State(Scope.Benchmark)
    public static class BurlapSweep {
        /** The grid's side; the world has {@code n * n} states. */
        @Param({"100", "300", "1000"})
        public int n;

        ValueIteration planner;
        long backupsPerSweep;

        /**
         * Enumerates the states from the top-left cell and runs one sweep, each within the budget.
         *
         * @throws IllegalStateException "did not finish ..." if a step overruns the budget
         * @throws InterruptedException  if this thread is interrupted while it waits for a step
         */
        @Setup(Level.Trial)
        public void enumerateStates() throws InterruptedException {
            BurlapGridWorld world = BurlapGridWorld.of(BenchmarkGrid.of(n), true);
            ValueIteration vi = world.valueIteration(GAMMA, 0, 1);
            int budget = Integer.getInteger(BUDGET_PROPERTY, DEFAULT_BUDGET_SECONDS);
            long start = System.nanoTime();
            runWithin(budget, "enumerate the states of", () -> vi.performReachabilityFrom(world.initialState()));
            report("BURLAP built the " + n + "x" + n + " world and enumerated its states", start);
            start = System.nanoTime();
            runWithin(budget, "sweep", vi::runVI);
            report("BURLAP's first sweep", start);
            int states = vi.getAllStates().size();
            if (states != n * n) {
                throw new IllegalStateException("BURLAP enumerated " + states + " states of the " + n + "x" + n
                        + " world; expected " + n * n);
            }
            planner = vi;
            backupsPerSweep = (long) states * world.actionCount();
        }

        /**
         * Runs {@code step} on a daemon thread and waits at most {@code seconds} for it: BURLAP's loops
         * do not answer interrupts, so a step that overruns is left running until the forked JVM exits.
         */
        private void runWithin(int seconds, String what, Runnable step) throws InterruptedException {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread worker = new Thread(() -> {
                try {
                    step.run();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "burlap-setup");
            worker.setDaemon(true);
            worker.start();
            worker.join(TimeUnit.SECONDS.toMillis(seconds));
            if (worker.isAlive()) {
                throw new IllegalStateException("did not finish: BURLAP could not " + what + " the " + n + "x" + n
                        + " world within " + seconds + " s (" + BUDGET_PROPERTY + ")");
            }
            if (failure.get() != null) {
                throw new IllegalStateException("BURLAP failed to " + what + " the " + n + "x" + n + " world",
                        failure.get());
            }
        }
    }

    /** Prints how long a setup step took; JMH shows a forked run's output with its results. */
    static void report(String step, long startNanos) {
        System.out.printf(Locale.ROOT, "%n%s in %.2f s%n", step, (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * The state-action backups done in the current iteration, reported by JMH as a rate next to
     * the sweeps per second.
     */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Backups {
        /** Backups so far in this iteration. */
        public long backups;

        /** JMH leaves auxiliary counters to the benchmark: start each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            backups = 0;
        }
    }

    /**
     * @param sweep   Bellman's compiled world and value arrays
     * @param counter the counter of state-action backups
     * @return the sweep's max-norm change, so that the work cannot be optimised away
     */
    @Benchmark
    public double bellman(BellmanSweep sweep, Backups counter) {
        double change = BellmanOperator.optimalitySweep(sweep.model, GAMMA, sweep.values, sweep.target);
        sweep.swap();
        counter.backups += sweep.backupsPerSweep;
        return change;
    }

    /**
     * One pass of BURLAP's value iteration, which stores its values in the planner.
     *
     * @param sweep   BURLAP's planner with its states enumerated
     * @param counter the counter of state-action backups
     */
    @Benchmark
    public void burlap(BurlapSweep sweep, Backups counter) {
        sweep.planner.runVI();
        counter.backups += sweep.backupsPerSweep;
    }
}
