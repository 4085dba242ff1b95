package dev.bellman.bench;

import dev.bellman.approx.SemiGradientSarsa;
import dev.bellman.approx.TrueOnlineSarsaLambda;
import dev.bellman.approx.features.Features;
import dev.bellman.approx.features.FourierFeatures;
import dev.bellman.approx.features.PolynomialFeatures;
import dev.bellman.approx.features.Normalization;
import dev.bellman.approx.features.RadialBasisFeatures;
import dev.bellman.approx.features.SparseActionFeatures;
import dev.bellman.approx.features.TileCoder;
import dev.bellman.core.Budget;
import dev.bellman.core.Step;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.env.classic.MountainCar;
import dev.bellman.tabular.LearnerSettings;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Linear approximation on Mountain Car (Sutton &amp; Barto Example 10.1), one thread.
 *
 * <ul>
 *   <li>{@code features}: nanoseconds per feature evaluation of one observation, cycling through
 *   {@value #OBSERVATIONS} observations of a random-action rollout: the active indices of 8
 *   tilings of 8×8 tiles with the action as hash input (the learner's path), or the dense vector
 *   of Fourier order 3 (16 features), RBF 5×5 (26) or polynomial order 3 (10). Under
 *   {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per evaluation.</li>
 *   <li>{@code sarsa} / {@code trueOnlineSarsaLambda}: environment steps per second of training
 *   on the raw MountainCar (no time limit) with 8×8×8 tile coding, α = 0.5/8, ε = 0, γ = 1 (λ =
 *   0.9), one operation being {@value #STEPS_PER_OPERATION} steps. Each step is two feature
 *   evaluations per action for the greedy choice, one environment step and the update. The learner
 *   lives for the whole trial, so measured iterations train a learner whose episodes have shortened
 *   from over a thousand steps to about 120.</li>
 * </ul>
 *
 * Run: {@code java -cp rl-bench/target/benchmarks.jar dev.bellman.bench.LinearApproximationComparison}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LinearApproximationSteps {

    /** Observations the feature benchmark cycles through; a power of two. */
    static final int OBSERVATIONS = 1024;
    /** Environment steps per training operation. */
    static final int STEPS_PER_OPERATION = 10_000;

    /** One feature map and the observations it is evaluated on. */
    @State(Scope.Thread)
    public static class FeatureRun {
        /** The feature family. */
        @Param({"tile-coding-8x8x8", "fourier-3", "rbf-5", "polynomial-3"})
        public String kind;

        double[][] observations;
        int[] actions;
        SparseActionFeatures<double[]> tiles;
        Features<double[]> dense;
        int[] activeIndices;
        double[] values;
        int next;

        /** Builds the features and records a random-action rollout. */
        @Setup(Level.Trial)
        public void build() {
            MountainCar car = new MountainCar();
            BoxSpace box = car.observationSpace();
            observations = new double[OBSERVATIONS][];
            actions = new int[OBSERVATIONS];
            SplittableRandom rng = new SplittableRandom(7);
            double[] observation = car.reset(7);
            for (int i = 0; i < OBSERVATIONS; i++) {
                observations[i] = observation;
                actions[i] = rng.nextInt(3);
                Step<double[]> step = car.step(actions[i]);
                observation = step.done() ? car.reset() : step.observation();
            }
            switch (kind) {
                case "tile-coding-8x8x8" -> {
                    tiles = new TileCoder(box.low(), box.high(), new int[] {8, 8}, 8).forActions(3);
                    activeIndices = new int[tiles.activeCount()];
                }
                case "fourier-3" -> dense = new FourierFeatures(3, box.low(), box.high());
                case "rbf-5" -> dense = new RadialBasisFeatures(box.low(), box.high(), 5, 0.125, true);
                case "polynomial-3" -> dense = new PolynomialFeatures(3, box.low(), box.high(), Normalization.SYMMETRIC);
                default -> throw new IllegalArgumentException("unknown feature kind " + kind);
            }
            if (dense != null) {
                values = new double[dense.dimension()];
            }
        }
    }

    /**
     * Evaluates the feature map on the next observation; the features go to the blackhole.
     *
     * @param run       the feature map and its observations
     * @param blackhole JMH's sink for the features
     */
    @Benchmark
    public void features(FeatureRun run, Blackhole blackhole) {
        int i = run.next++ & (OBSERVATIONS - 1);
        if (run.tiles != null) {
            run.tiles.activeIndices(run.observations[i], run.actions[i], run.activeIndices);
            blackhole.consume(run.activeIndices);
        } else {
            run.dense.write(run.observations[i], run.values);
            blackhole.consume(run.values);
        }
    }

    /** A learner training on Mountain Car for the whole trial. */
    @State(Scope.Thread)
    public static class TrainingRun {
        MountainCar car;
        SemiGradientSarsa<double[]> sarsa;
        TrueOnlineSarsaLambda<double[]> trueOnline;

        /** Builds untrained learners with Sutton &amp; Barto's settings. */
        @Setup(Level.Trial)
        public void build() {
            car = new MountainCar();
            sarsa = new SemiGradientSarsa<>(settings(), tileCoder(car));
            trueOnline = new TrueOnlineSarsaLambda<>(settings(), tileCoder(car), 0.9);
        }
    }

    /** @return α = 0.5/8, ε = 0, γ = 1, seed 1 */
    static LearnerSettings settings() {
        return LearnerSettings.builder().gamma(1.0).alpha(0.5 / 8).epsilon(0.0).seed(1).build();
    }

    /** @return 8 tilings of 8×8 over the car's observation box, the action hashed in, 4096 indices */
    static SparseActionFeatures<double[]> tileCoder(MountainCar car) {
        BoxSpace box = car.observationSpace();
        return new TileCoder(box.low(), box.high(), new int[] {8, 8}, 8).forActions(3);
    }

    /**
     * @param run the learner training on Mountain Car
     * @return the learner's step count, so the work is not optimised away
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(STEPS_PER_OPERATION)
    public long sarsa(TrainingRun run) {
        run.sarsa.train(run.car, Budget.steps(STEPS_PER_OPERATION));
        return run.sarsa.totalSteps();
    }

    /**
     * @param run the learner training on Mountain Car
     * @return the learner's step count, so the work is not optimised away
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(STEPS_PER_OPERATION)
    public long trueOnlineSarsaLambda(TrainingRun run) {
        run.trueOnline.train(run.car, Budget.steps(STEPS_PER_OPERATION));
        return run.trueOnline.totalSteps();
    }
}
