package dev.bellman.tabular.dp;

import dev.bellman.core.CompactModel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The sweeps of the planners for {@link CompactModel}s, on one thread or several.
 *
 * <p>With several threads the sweep order is cut into contiguous blocks, one per thread. Each
 * thread sweeps its block in place, reading the other blocks' values as they were at the start of
 * the sweep (thread 0 reads {@code values} itself, which only it writes during the sweep; the others
 * read a private copy), and the blocks are merged at the end. No value depends on the threads'
 * timing, so a run is deterministic for a given thread count; different thread counts reach the same
 * fixed point within the tolerance.
 */
final class LargeModelSweeps implements AutoCloseable {

    private final CompactModel model;
    private final double gamma;
    private final int[] order;
    private final int threads;
    private final int[] blockStart;
    private final double[][] copies;
    private final ExecutorService executor;
    private final long pairsPerSweep;

    LargeModelSweeps(CompactModel model, double gamma, int[] order, int threads) {
        this.model = model;
        this.gamma = gamma;
        this.order = order;
        this.threads = threads;
        int states = model.stateCount();
        blockStart = new int[threads + 1];
        for (int t = 0; t <= threads; t++) {
            blockStart[t] = (int) ((long) order.length * t / threads);
        }
        copies = new double[threads][];
        for (int t = 1; t < threads; t++) {
            copies[t] = new double[states];
        }
        executor = threads > 1 ? Executors.newFixedThreadPool(threads - 1, runnable -> {
            Thread thread = new Thread(runnable, "bellman-sweep");
            thread.setDaemon(true);
            return thread;
        }) : null;
        long nonTerminal = 0;
        for (int s = 0; s < states; s++) {
            nonTerminal += model.isTerminal(s) ? 0 : 1;
        }
        pairsPerSweep = nonTerminal * model.actionCount();
    }

    /** @return the state-action backups of one optimality sweep */
    long pairsPerSweep() {
        return pairsPerSweep;
    }

    /** @return the state backups of one policy sweep (one action per non-terminal state) */
    long statesPerSweep() {
        return pairsPerSweep / model.actionCount();
    }

    /** One kind of in-place update of the states at order positions [from, to). */
    private interface BlockSweep {
        double run(double[] values, int from, int to);
    }

    /**
     * An in-place optimality sweep {@code v(s) ← max_a backup(s, a)} in order; with
     * {@code greedy}, also writes each state's greedy action.
     *
     * @return the largest change of a value
     */
    double optimalitySweep(double[] values, int[] greedy) {
        return sweep(values, (vs, from, to) -> {
            double change = 0;
            for (int i = from; i < to; i++) {
                int s = order[i];
                if (model.isTerminal(s)) {
                    continue;
                }
                double updated;
                if (greedy != null) {
                    int action = model.greedyAction(s, gamma, vs);
                    greedy[s] = action;
                    updated = model.backup(s, action, gamma, vs);
                } else {
                    updated = model.optimalBackup(s, gamma, vs);
                }
                change = Math.max(change, Math.abs(updated - vs[s]));
                vs[s] = updated;
            }
            return change;
        });
    }

    /**
     * An in-place sweep of the policy's values {@code v(s) ← backup(s, π(s))} in order.
     *
     * @return the largest change of a value
     */
    double policySweep(double[] values, int[] policy) {
        return sweep(values, (vs, from, to) -> {
            double change = 0;
            for (int i = from; i < to; i++) {
                int s = order[i];
                if (model.isTerminal(s)) {
                    continue;
                }
                double updated = model.backup(s, policy[s], gamma, vs);
                change = Math.max(change, Math.abs(updated - vs[s]));
                vs[s] = updated;
            }
            return change;
        });
    }

    /**
     * The Bellman optimality residual {@code max_s |(T v)(s) − v(s)|}, read-only.
     */
    double residual(double[] values) {
        int states = model.stateCount();
        BlockSweep read = (vs, from, to) -> {
            double residual = 0;
            for (int s = from; s < to; s++) {
                residual = Math.max(residual, Math.abs(model.optimalBackup(s, gamma, vs) - vs[s]));
            }
            return residual;
        };
        if (threads == 1) {
            return read.run(values, 0, states);
        }
        List<Future<Double>> parts = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            int from = (int) ((long) states * t / threads);
            int to = (int) ((long) states * (t + 1) / threads);
            parts.add(executor.submit(() -> read.run(values, from, to)));
        }
        double residual = read.run(values, 0, (int) ((long) states / threads));
        for (Future<Double> part : parts) {
            residual = Math.max(residual, join(part));
        }
        return residual;
    }

    private double sweep(double[] values, BlockSweep block) {
        if (threads == 1) {
            return block.run(values, 0, order.length);
        }
        List<Future<Double>> parts = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            double[] copy = copies[t];
            System.arraycopy(values, 0, copy, 0, values.length);
            int from = blockStart[t];
            int to = blockStart[t + 1];
            parts.add(executor.submit(() -> block.run(copy, from, to)));
        }
        double change = block.run(values, blockStart[0], blockStart[1]);
        for (Future<Double> part : parts) {
            change = Math.max(change, join(part));
        }
        for (int t = 1; t < threads; t++) {
            double[] copy = copies[t];
            for (int i = blockStart[t]; i < blockStart[t + 1]; i++) {
                int s = order[i];
                values[s] = copy[s];
            }
        }
        return change;
    }

    private static double join(Future<Double> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sweeping", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a sweep thread failed", cause);
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** The sweep order of {@code kind} for {@code model}. */
    static int[] order(CompactModel model, StateOrder kind) {
        int states = model.stateCount();
        int[] order = new int[states];
        if (kind == StateOrder.NATURAL) {
            for (int s = 0; s < states; s++) {
                order[s] = s;
            }
            return order;
        }
        Predecessors predecessors = Predecessors.of(model, false);
        boolean[] placed = new boolean[states];
        int tail = 0;
        for (int s = 0; s < states; s++) {
            if (model.isTerminal(s)) {
                order[tail++] = s;
                placed[s] = true;
            }
        }
        for (int head = 0; head < tail; head++) {
            int s = order[head];
            for (int e = predecessors.start[s]; e < predecessors.start[s + 1]; e++) {
                int source = predecessors.source[e];
                if (!placed[source]) {
                    placed[source] = true;
                    order[tail++] = source;
                }
            }
        }
        for (int s = 0; s < states; s++) {
            if (!placed[s]) {
                order[tail++] = s;
            }
        }
        return order;
    }

    /**
     * A lower bound of {@code v*} for γ &lt; 1: {@code min(0, min_{s,a} r(s, a)) / (1 − γ)}; the 0
     * because an episode may end in a terminal state, worth 0, before any reward is earned.
     */
    static double pessimisticValue(CompactModel model, double gamma) {
        double lowest = 0;
        for (int s = 0; s < model.stateCount(); s++) {
            if (!model.isTerminal(s)) {
                for (int a = 0; a < model.actionCount(); a++) {
                    lowest = Math.min(lowest, model.reward(s, a));
                }
            }
        }
        return lowest / (1 - gamma);
    }

    /**
     * The reverse transition graph in compressed rows: for each state s', the non-terminal states
     * s with an outcome s → s' of positive probability, once per outcome, with that probability
     * when asked for.
     */
    static final class Predecessors {
        final int[] start;
        final int[] source;
        /** Null when not asked for or the model is deterministic (every weight 1). */
        final float[] weight;

        private Predecessors(int[] start, int[] source, float[] weight) {
            this.start = start;
            this.source = source;
            this.weight = weight;
        }

        static Predecessors of(CompactModel model, boolean withWeights) {
            int states = model.stateCount();
            int actions = model.actionCount();
            int[] start = new int[states + 1];
            for (int s = 0; s < states; s++) {
                if (model.isTerminal(s)) {
                    continue;
                }
                for (int a = 0; a < actions; a++) {
                    for (int k = model.outcomeStart(s, a); k < model.outcomeEnd(s, a); k++) {
                        if (model.probability(k) > 0) {
                            start[model.nextState(k) + 1]++;
                        }
                    }
                }
            }
            for (int s = 0; s < states; s++) {
                start[s + 1] += start[s];
            }
            int[] fill = new int[states];
            System.arraycopy(start, 0, fill, 0, states);
            int[] source = new int[start[states]];
            float[] weight = withWeights && !model.isDeterministic() ? new float[start[states]] : null;
            for (int s = 0; s < states; s++) {
                if (model.isTerminal(s)) {
                    continue;
                }
                for (int a = 0; a < actions; a++) {
                    for (int k = model.outcomeStart(s, a); k < model.outcomeEnd(s, a); k++) {
                        double p = model.probability(k);
                        if (p > 0) {
                            int e = fill[model.nextState(k)]++;
                            source[e] = s;
                            if (weight != null) {
                                // Rounded up, so that the priorities stay upper bounds of the residuals.
                                weight[e] = Math.nextUp((float) p);
                            }
                        }
                    }
                }
            }
            return new Predecessors(start, source, weight);
        }
    }
}
