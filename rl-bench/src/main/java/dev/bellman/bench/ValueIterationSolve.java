package dev.bellman.bench;

import burlap.behavior.policy.Policy;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.tabular.dp.PlanningResult;
import dev.bellman.tabular.dp.ValueIteration;
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
 * A whole value-iteration solve of the {@code n × n} {@link BenchmarkGrid} (five actions,
 * gamma 0.9) from {@code v = 0} until a sweep changes no value by {@value #TOLERANCE} or more, each
 * library on its own terms, timed once per invocation.
 *
 * <ul>
 *   <li>{@code bellman}: {@code new ValueIteration(0.9, 1e-6).solve(world)}: compiles the
 *   {@link GridWorld} into a {@code TabularModel}, sweeps synchronously, and builds the action
 *   values and greedy policy of the result.</li>
 *   <li>{@code burlap}: a fresh BURLAP {@code ValueIteration} with {@code maxDelta = 1e-6}, whose
 *   {@code planFromState} enumerates the reachable states and then sweeps in place (each state's new
 *   value is seen by the states after it in its hash map's order), returning a greedy policy.</li>
 * </ul>
 *
 * <p>The two stop on the same rule but not after the same number of sweeps: in-place sweeps
 * usually need fewer. The figure is time to a solution, not time per sweep (see
 * {@link ValueIterationSweep} for that).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {ValueIterationSweep.HEAP_MIN, ValueIterationSweep.HEAP_MAX,
        ValueIterationSweep.PRE_TOUCH})
public class ValueIterationSolve {

    /** The stopping threshold on the max-norm change of a sweep, for both libraries. */
    static final double TOLERANCE = 1e-6;
    /** BURLAP's cap on passes, far above what the tolerance needs. */
    static final int BURLAP_MAX_PASSES = 100_000;

    /** The world, built but not compiled, for each library. */
    @State(Scope.Benchmark)
    public static class Worlds {
        /** The grid's side; the world has {@code n * n} states. */
        @Param({"100"})
        public int n;

        GridWorld bellman;
        BurlapGridWorld burlap;

        /** Builds both worlds from the same grid. */
        @Setup(Level.Trial)
        public void build() {
            BenchmarkGrid grid = BenchmarkGrid.of(n);
            bellman = grid.gridWorld(true);
            burlap = BurlapGridWorld.of(grid, true);
        }
    }

    /**
     * @param worlds the world of each library, built but not compiled
     * @return the solution, so that the work cannot be optimised away
     */
    @Benchmark
    public PlanningResult bellman(Worlds worlds) {
        return new ValueIteration(ValueIterationSweep.GAMMA, TOLERANCE).solve(worlds.bellman);
    }

    /**
     * @param worlds the world of each library, built but not compiled
     * @return BURLAP's greedy policy, so that the work cannot be optimised away
     */
    @Benchmark
    public Policy burlap(Worlds worlds) {
        return worlds.burlap.valueIteration(ValueIterationSweep.GAMMA, TOLERANCE, BURLAP_MAX_PASSES)
                .planFromState(worlds.burlap.initialState());
    }
}
