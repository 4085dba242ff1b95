package dev.bellman.bench;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.Evaluation;
import dev.bellman.core.Step;
import dev.bellman.core.TrainingReport;
import dev.bellman.core.wrappers.SyncVectorEnvironment;
import dev.bellman.deep.dqn.Dqn;
import dev.bellman.deep.dqn.DqnConfig;
import dev.bellman.deep.nn.Activation;
import dev.bellman.deep.nn.FloatViews;
import dev.bellman.deep.nn.Mlp;
import dev.bellman.deep.nn.MlpConfig;
import dev.bellman.deep.nn.Nd4jThreads;
import dev.bellman.env.classic.Environments;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What choosing DQN's actions for several environment copies at once saves, side by side in one run,
 * on the network of rl-zoo's CartPole-v1 settings ({@link DqnConfig#zooCartPole()}: 4-256-256-2,
 * ReLU, initialised as {@link Dqn}'s online network with seed {@value #SEED}).
 *
 * <p>{@code acting}: the cost of the Q-values of {@code N} observations, per observation, for
 * {@code N} = 1, 2, 4 … 64, three ways:
 * <ul>
 *   <li>single: {@code N} calls of {@link Mlp#predict(double[], double[])}, what {@link Dqn#policy()}
 *   and training on one environment do;</li>
 *   <li>batched: one call of {@link Mlp#predict(List, double[])}, what {@link Dqn} does for the
 *   greedy copies of a vector environment of fewer than {@link Dqn#BATCHED_FORWARD_MIN_COPIES};</li>
 *   <li>ND4J: one {@link Mlp#forward(INDArray)} on an {@code N}×4 float32 matrix, with the copy of
 *   the observations in and of the Q-values out to the heap included, what {@link Dqn} does from
 *   {@link Dqn#BATCHED_FORWARD_MIN_COPIES} copies on (this benchmark chose that threshold).</li>
 * </ul>
 * The observations are {@value #POOL_SIZE} states of CartPole-v1 visited by uniformly random actions
 * (seed {@value #SEED}), taken in consecutive windows of {@code N}. After
 * {@value #WARM_UP_ROUNDS} untimed rounds, {@value #ROUNDS} timed rounds each time every method at
 * every {@code N} over {@value #OBSERVATIONS_PER_MEASUREMENT} observations; within a round the
 * three methods run back to back at each {@code N}, in an order rotated from round to round, so that
 * they share the machine's conditions. The table gives each method's median over the rounds, in µs
 * per observation, with the smallest and largest round.
 *
 * <p>{@code training}: whole DQN training runs on CartPole-v1 with {@link DqnConfig#zooCartPole()},
 * seed {@value #SEED}, on one environment and on a {@link SyncVectorEnvironment} of 1, 4 and 8
 * copies ({@link Dqn#train(dev.bellman.core.wrappers.VectorEnvironment, Budget)}), each followed by
 * the 100 greedy evaluation episodes of {@link DqnCartPole}. The schedule counts environment steps
 * (transitions), so every run takes the same gradient steps; only action selection and the order
 * of the transitions differ. The speed is the run's transitions over its wall time; one untimed
 * warm-up run on each kind of environment comes first, so that no run pays for the JIT alone. A
 * vector of one copy must give exactly the single environment's numbers; the program says whether
 * it did.
 *
 * <p>Run: {@code java -cp rl-bench/target/benchmarks.jar dev.bellman.bench.DqnVectorActing [acting|training|all] [steps]}
 * (default {@code acting}, under a minute; {@code training}, six runs counting the two warm-ups,
 * about 2 minutes at the default 50 000 steps per run).
 */
public final class DqnVectorActing {

    /** The numbers of observations whose Q-values are computed together. */
    static final int[] BATCH_SIZES = {1, 2, 4, 8, 16, 32, 64};
    /** Timed rounds of the acting benchmark. */
    static final int ROUNDS = 5;
    /** Untimed rounds before them, for the JIT. */
    static final int WARM_UP_ROUNDS = 2;
    /** Observations per measurement of one method at one batch size; a multiple of every batch size. */
    static final int OBSERVATIONS_PER_MEASUREMENT = 1 << 14;
    /** CartPole states visited by random actions, the benchmark's observations; a multiple of every batch size. */
    static final int POOL_SIZE = 4096;
    /** The seed of the network, the rollout, and the training runs. */
    static final long SEED = 0;
    /** The copies of the vector environments in the training comparison. */
    static final int[] VECTOR_COPIES = {1, 4, 8};
    /** Environment steps of each untimed warm-up training run. */
    static final long WARM_UP_STEPS = 10_000;
    /** Greedy evaluation episodes after each training run, as in {@link DqnCartPole}. */
    static final int EVALUATION_EPISODES = 100;

    private static final String ENVIRONMENT_ID = "CartPole-v1";
    private static final String[] METHODS = {"single", "batched", "ND4J"};

    /**
     * Written after every measurement, so that the JIT cannot drop the computed Q-values as unused;
     * volatile, so that the write itself cannot be dropped either.
     */
    static volatile double sink;

    private DqnVectorActing() {
    }

    /**
     * @param args optional: {@code acting} (default), {@code training} or {@code all}; then the
     *             environment steps of each training run (default 50 000)
     * @throws IllegalArgumentException if the mode is unknown or the steps are not positive
     */
    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "acting";
        long steps = args.length > 1 ? Long.parseLong(args[1]) : 50_000;
        if (!List.of("acting", "training", "all").contains(mode)) {
            throw new IllegalArgumentException("mode \"" + mode + "\" is unknown; expected acting, training or all");
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps = " + steps + " must be at least 1");
        }
        // Dqn runs ND4J on one thread (DqnConfig.threads()); the ND4J column must too.
        Nd4jThreads.use(DqnConfig.zooCartPole().threads());
        System.out.printf(Locale.ROOT, "%nMachine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                SweepComparison.cpuModel(), System.getProperty("java.version"));
        if (!mode.equals("training")) {
            System.out.print(actingTable());
        }
        if (!mode.equals("acting")) {
            training(steps);
        }
    }

    /**
     * @param seed the seed of the initialisation
     * @return the online network {@link Dqn} builds for CartPole-v1 with {@link DqnConfig#zooCartPole()}
     *         and {@code seed}, before any training
     */
    static Mlp zooNetwork(long seed) {
        int[] hidden = DqnConfig.zooCartPole().hiddenLayers();
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = 4;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 2;
        return new Mlp(new MlpConfig(sizes, Activation.RELU, Activation.IDENTITY, false), seed);
    }

    /**
     * Plays CartPole-v1 with uniformly random actions, resetting after every finished episode.
     *
     * @param count the observations to collect, at least 1
     * @param seed  the seed of the actions and of the first reset
     * @return the observations, the first reset's included, each its own array
     * @throws IllegalArgumentException if {@code count < 1}
     */
    static List<double[]> rollout(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count = " + count + " must be at least 1");
        }
        Environment<double[], Integer> env = Environments.make(ENVIRONMENT_ID, Integer.class);
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> observations = new ArrayList<>(count);
        observations.add(env.reset(seed).clone());
        while (observations.size() < count) {
            Step<double[]> step = env.step(random.nextInt(2));
            observations.add(step.done() ? env.reset().clone() : step.observation().clone());
        }
        return observations;
    }

    /**
     * Runs the acting benchmark.
     *
     * @return the markdown table of its medians
     */
    static String actingTable() {
        Mlp network = zooNetwork(SEED);
        List<double[]> pool = rollout(POOL_SIZE, SEED);
        List<Acting> actings = new ArrayList<>();
        for (int n : BATCH_SIZES) {
            actings.add(new Acting(network, pool, n));
        }
        // nanos[size][method][round], in ns per observation
        double[][][] nanos = new double[BATCH_SIZES.length][METHODS.length][ROUNDS];
        for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
            for (int s = 0; s < BATCH_SIZES.length; s++) {
                for (int k = 0; k < METHODS.length; k++) {
                    int method = Math.floorMod(round + k, METHODS.length);
                    double perObservation = actings.get(s).measure(method, OBSERVATIONS_PER_MEASUREMENT);
                    if (round >= 0) {
                        nanos[s][method][round] = perObservation;
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nQ-values of N CartPole observations, 4-256-256-2 network, one thread: "
                + "µs per observation, median of %d rounds (fastest–slowest round)%n%n", ROUNDS));
        table.append("| N | N × predict(double[]) | predict(List) | ND4J forward(INDArray) | batched / single | ND4J / single |\n");
        table.append("|---:|---:|---:|---:|---:|---:|\n");
        for (int s = 0; s < BATCH_SIZES.length; s++) {
            double single = median(nanos[s][0]);
            double batched = median(nanos[s][1]);
            double nd4j = median(nanos[s][2]);
            table.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %.2f | %.2f |%n", BATCH_SIZES[s],
                    cell(nanos[s][0]), cell(nanos[s][1]), cell(nanos[s][2]), batched / single, nd4j / single));
        }
        return table.toString();
    }

    /** A median and range in ns, as µs: {@code "8.91 (8.85–9.02)"}. */
    private static String cell(double[] nanos) {
        double[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", median(nanos) / 1e3, sorted[0] / 1e3,
                sorted[sorted.length - 1] / 1e3);
    }

    /**
     * @param values at least one value
     * @return their median (the mean of the middle two for an even count)
     */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The three ways of computing the Q-values of one batch size's windows of observations. */
    static final class Acting {
        private final Mlp network;
        private final int size;
        /** The pool's consecutive windows of {@code size} observations. */
        private final List<List<double[]>> windows;
        private final double[] singleOut = new double[2];
        private final double[] batchOut;
        private final INDArray input;
        private final float[] inputScratch;
        private final float[] outputScratch;
        private int cursor;

        /**
         * @param network the network
         * @param pool    the observations; its size a multiple of {@code size}
         * @param size    the observations per batch, at least 1
         * @throws IllegalArgumentException if {@code size < 1} or does not divide the pool's size
         */
        Acting(Mlp network, List<double[]> pool, int size) {
            if (size < 1 || pool.size() % size != 0) {
                throw new IllegalArgumentException("batch size " + size + " must be at least 1 and divide the pool's "
                        + pool.size() + " observations");
            }
            this.network = network;
            this.size = size;
            List<List<double[]>> w = new ArrayList<>(pool.size() / size);
            for (int from = 0; from < pool.size(); from += size) {
                // An ArrayList, as Dqn's list of greedy observations.
                w.add(new ArrayList<>(pool.subList(from, from + size)));
            }
            this.windows = List.copyOf(w);
            this.batchOut = new double[size * network.outputSize()];
            this.input = Nd4j.create(DataType.FLOAT, size, network.inputSize());
            this.inputScratch = new float[size * network.inputSize()];
            this.outputScratch = new float[size * network.outputSize()];
        }

        /**
         * Computes the Q-values of {@code observations} observations, {@link #size} at a time, by one
         * method, and leaves their sum in {@link #sink}.
         *
         * @param method       0 for single, 1 for batched, 2 for ND4J
         * @param observations how many; a multiple of the batch size
         * @return the wall time per observation, in nanoseconds
         */
        double measure(int method, int observations) {
            int batches = observations / size;
            double sum = 0;
            long start = System.nanoTime();
            for (int b = 0; b < batches; b++) {
                List<double[]> window = windows.get(cursor);
                cursor = cursor + 1 == windows.size() ? 0 : cursor + 1;
                sum += switch (method) {
                    case 0 -> single(window);
                    case 1 -> batched(window);
                    case 2 -> nd4j(window);
                    default -> throw new IllegalArgumentException("method " + method + " is not 0, 1 or 2");
                };
            }
            long elapsed = System.nanoTime() - start;
            sink = sum;
            return (double) elapsed / (batches * size);
        }

        /** One {@link Mlp#predict(double[], double[])} per observation; returns the sum of the Q-values. */
        double single(List<double[]> window) {
            double sum = 0;
            for (int i = 0; i < window.size(); i++) {
                network.predict(window.get(i), singleOut);
                // In the order batched() adds, so that equal Q-values give equal sums.
                sum += singleOut[0];
                sum += singleOut[1];
            }
            return sum;
        }

        /** One {@link Mlp#predict(List, double[])} for the window; returns the sum of the Q-values. */
        double batched(List<double[]> window) {
            network.predict(window, batchOut);
            double sum = 0;
            for (int i = 0; i < batchOut.length; i++) {
                sum += batchOut[i];
            }
            return sum;
        }

        /** One {@link Mlp#forward(INDArray)}, with the copies in and out; returns the sum of the Q-values. */
        double nd4j(List<double[]> window) {
            int columns = network.inputSize();
            for (int r = 0; r < window.size(); r++) {
                double[] observation = window.get(r);
                for (int i = 0; i < columns; i++) {
                    inputScratch[r * columns + i] = (float) observation[i];
                }
            }
            FloatViews.view(input, "observations").put(0, inputScratch);
            FloatBuffer q = FloatViews.view(network.forward(input), "Q-values");
            q.get(0, outputScratch);
            double sum = 0;
            for (float value : outputScratch) {
                sum += value;
            }
            return sum;
        }
    }

    /**
     * One training run and its greedy evaluation.
     *
     * @param environment    what was trained on, for the table
     * @param stepsPerSecond transitions of the whole run over its wall time
     * @param gradientSteps  the gradient steps taken
     * @param greedyMean     the greedy mean return over {@value #EVALUATION_EPISODES} episodes reset
     *                       with seeds 1 000 000 + seed + i
     * @param report         the run's training report
     */
    record TrainingRun(String environment, double stepsPerSecond, long gradientSteps, double greedyMean,
                       TrainingReport report) {

        /**
         * Trains {@link DqnConfig#zooCartPole()} with seed {@value #SEED} for {@code steps}
         * transitions, then evaluates.
         *
         * @param copies the copies of a {@link SyncVectorEnvironment}, or 0 for one environment
         * @param steps  the transitions to train for
         * @return the run
         */
        static TrainingRun of(int copies, long steps) {
            Dqn dqn = new Dqn(DqnConfig.zooCartPole(), steps, SEED);
            TrainingReport report;
            if (copies == 0) {
                report = dqn.train(Environments.make(ENVIRONMENT_ID, Integer.class), Budget.steps(steps));
            } else {
                try (SyncVectorEnvironment<double[], Integer> envs = new SyncVectorEnvironment<>(
                        () -> Environments.make(ENVIRONMENT_ID, Integer.class), copies)) {
                    report = dqn.train(envs, Budget.steps(steps));
                }
            }
            double rate = report.totalSteps() / (report.wallTime().toNanos() / 1e9);
            double greedy = Evaluation.run(Environments.make(ENVIRONMENT_ID, Integer.class), dqn.policy(),
                    EVALUATION_EPISODES, 1_000_000L + SEED, 1_000_000).meanReturn();
            String name = copies == 0 ? "one environment" : "SyncVectorEnvironment × " + copies;
            return new TrainingRun(name, rate, dqn.gradientSteps(), greedy, report);
        }

        /** @return the run's row of the markdown table */
        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %.0f | %d | %d | %.1f |%n", environment, report.totalSteps(),
                    stepsPerSecond, gradientSteps, report.episodeCount(), greedyMean);
        }
    }

    /** Runs the training comparison, printing each row as it finishes. */
    private static void training(long steps) {
        // Untimed: the JIT compiles both the single environment's and the vector's paths here.
        TrainingRun.of(0, Math.min(steps, WARM_UP_STEPS));
        TrainingRun.of(VECTOR_COPIES[VECTOR_COPIES.length - 1], Math.min(steps, WARM_UP_STEPS));
        System.out.printf(Locale.ROOT, "%nDQN on CartPole-v1, rl-zoo settings, seed %d, %d steps per run, "
                + "after untimed warm-up runs%n%n", SEED, steps);
        System.out.print("| environment | transitions | steps/s (whole run) | gradient steps | episodes finished "
                + "| greedy mean over 100 episodes |\n|---|---:|---:|---:|---:|---:|\n");
        TrainingRun single = TrainingRun.of(0, steps);
        System.out.print(single.row());
        TrainingRun oneCopy = null;
        for (int copies : VECTOR_COPIES) {
            TrainingRun run = TrainingRun.of(copies, steps);
            System.out.print(run.row());
            if (copies == 1) {
                oneCopy = run;
            }
        }
        if (oneCopy != null) {
            boolean same = oneCopy.greedyMean() == single.greedyMean()
                    && oneCopy.gradientSteps() == single.gradientSteps()
                    && Arrays.equals(oneCopy.report().episodeReturns(), single.report().episodeReturns());
            System.out.printf(Locale.ROOT, "%nOne copy in a vector against one environment: greedy means %.1f and %.1f, "
                    + "training episodes %s: %s.%n", oneCopy.greedyMean(), single.greedyMean(),
                    Arrays.equals(oneCopy.report().episodeReturns(), single.report().episodeReturns()) ? "identical" : "different",
                    same ? "identical runs, as expected" : "THE RUNS DIFFER");
        }
    }
}
