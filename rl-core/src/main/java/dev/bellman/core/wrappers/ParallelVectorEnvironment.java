package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Steps {@code N} copies of an environment on several threads, as Gymnasium's
 * {@code AsyncVectorEnv} but with threads instead of processes; the auto-reset rules are
 * {@link VectorEnvironment}'s.
 *
 * <p>The copies are split into {@code threads} contiguous blocks; the calling thread steps the
 * first block and worker threads the others, meeting at a barrier before {@code step} returns.
 * Each copy is only ever touched by one thread at a time, so copies need not be thread-safe, and
 * the steps returned are identical to {@link SyncVectorEnvironment}'s for the same seed and
 * actions, whatever the thread count. The hand-over costs a few microseconds per call: it pays
 * when a step of one copy costs as much (physics simulators, rendering), not for environments
 * whose step is a handful of floating-point operations — see {@code docs/benchmarks.md}.
 *
 * <p>Not thread-safe itself: call {@code reset}, {@code step} and {@code close} from one thread
 * at a time. Worker threads are daemons named {@code bellman-vector-<instance>-<block>};
 * {@link #close()} stops them.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class ParallelVectorEnvironment<O, A> extends VectorCopies<O, A> {

    private static final String KIND = "ParallelVectorEnvironment";
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final int threads;
    private final Phaser barrier;
    private final RuntimeException[] failures;
    private final List<Thread> workers = new ArrayList<>();
    private volatile IntConsumer work;
    private boolean closed;

    /**
     * Creates {@code n} copies with {@code factory}, {@link AutoresetMode#SAME_STEP}, and one
     * thread per available processor (at most {@code n}).
     *
     * @param factory makes one independent copy per call
     * @param n       the number of copies, at least 1
     * @throws IllegalArgumentException if {@code n < 1} or the factory returns {@code null} or the same object twice
     */
    public ParallelVectorEnvironment(Supplier<? extends Environment<O, A>> factory, int n) {
        this(copies(KIND, factory, n), AutoresetMode.SAME_STEP,
                Math.min(n, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @param envs    the copies, at least one, all distinct objects
     * @param mode    when finished copies are reset
     * @param threads the number of threads stepping copies, the caller's included, in {@code [1, envs.size()]}
     * @throws IllegalArgumentException if {@code envs} is empty, holds {@code null} or the same
     *                                  object twice, or {@code threads} is out of range
     * @throws NullPointerException     if {@code envs} or {@code mode} is {@code null}
     */
    public ParallelVectorEnvironment(List<? extends Environment<O, A>> envs, AutoresetMode mode, int threads) {
        super(KIND, envs, mode);
        if (threads < 1 || threads > envs.size()) {
            throw new IllegalArgumentException("threads = " + threads + " must be in [1, " + envs.size()
                    + "] (one thread per copy at most)");
        }
        this.threads = threads;
        this.barrier = new Phaser(threads);
        this.failures = new RuntimeException[threads];
        int instance = INSTANCES.incrementAndGet();
        for (int block = 1; block < threads; block++) {
            int ownBlock = block;
            Thread worker = new Thread(() -> workerLoop(ownBlock), "bellman-vector-" + instance + "-" + block);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    /** @return the number of threads stepping copies, the caller's included */
    public int threads() {
        return threads;
    }

    private void workerLoop(int block) {
        // Two barrier phases per call: the first releases the work, the second reports it done.
        while (barrier.arriveAndAwaitAdvance() >= 0) {
            runBlock(block, work);
            if (barrier.arriveAndAwaitAdvance() < 0) {
                return;
            }
        }
    }

    private void runBlock(int block, IntConsumer task) {
        int from = block * size() / threads;
        int to = (block + 1) * size() / threads;
        try {
            for (int i = from; i < to; i++) {
                task.accept(i);
            }
        } catch (RuntimeException e) {
            failures[block] = e;
        }
    }

    @Override
    void forEachCopy(IntConsumer task) {
        if (closed) {
            throw new IllegalStateException("this ParallelVectorEnvironment is closed");
        }
        work = task;
        barrier.arriveAndAwaitAdvance();
        runBlock(0, task);
        barrier.arriveAndAwaitAdvance();
        work = null;
        // The lowest failing block holds the lowest failing copy: the exception a sequential loop would meet first.
        for (int block = 0; block < threads; block++) {
            RuntimeException failure = failures[block];
            if (failure != null) {
                Arrays.fill(failures, null);
                throw failure;
            }
        }
    }

    /** Stops the worker threads, waits for them to end, and closes every copy; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        barrier.forceTermination();
        boolean interrupted = false;
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        super.close();
    }
}
