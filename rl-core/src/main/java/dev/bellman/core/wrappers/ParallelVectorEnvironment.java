package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
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
    /** How long a waiting thread spins before it parks, in nanoseconds. */
    private static final long SPIN_NANOS = 50_000;

    private final int threads;
    private final RuntimeException[] failures;
    private final List<Thread> workers = new ArrayList<>();
    /** Per worker block (index 1..threads-1): 1 while the worker is parked or about to park. */
    private final AtomicIntegerArray workerParked;
    /** Worker blocks still running the current call's work. */
    private final AtomicInteger unfinished = new AtomicInteger();
    /** Bumped by the caller to release a call's work; its volatile write publishes {@link #work}. */
    private volatile int generation;
    private volatile IntConsumer work;
    private volatile boolean stopping;
    private volatile Thread caller;
    private volatile boolean callerParked;
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
        this.failures = new RuntimeException[threads];
        this.workerParked = new AtomicIntegerArray(threads);
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
        int seen = 0;
        while (true) {
            int released = awaitRelease(block, seen);
            if (released < 0) {
                return;
            }
            seen = released;
            runBlock(block, work);
            if (unfinished.decrementAndGet() == 0 && callerParked) {
                LockSupport.unpark(caller);
            }
        }
    }

    /**
     * Waits until the caller bumps {@link #generation} past {@code seen}: spinning first, because
     * in a training loop the next call usually comes within microseconds and waking a parked
     * thread costs tens of microseconds; parking after {@value #SPIN_NANOS} ns so that an idle
     * vector does not hold a core.
     *
     * @return the new generation, or -1 once the vector is closing
     */
    private int awaitRelease(int block, int seen) {
        long spinStart = System.nanoTime();
        for (int spins = 0; ; spins++) {
            if (stopping) {
                return -1;
            }
            int current = generation;
            if (current != seen) {
                return current;
            }
            if ((spins & 63) != 0 || System.nanoTime() - spinStart < SPIN_NANOS) {
                Thread.onSpinWait();
                continue;
            }
            // Announce the park before the last check: the caller reads the flag after bumping
            // the generation, so one of the two always sees the other and no wake-up is lost.
            workerParked.set(block, 1);
            if (generation == seen && !stopping) {
                LockSupport.park(this);
            }
            workerParked.set(block, 0);
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
        caller = Thread.currentThread();
        work = task;
        unfinished.set(threads - 1);
        generation = generation + 1;
        for (int block = 1; block < threads; block++) {
            if (workerParked.get(block) == 1) {
                LockSupport.unpark(workers.get(block - 1));
            }
        }
        runBlock(0, task);
        awaitWorkers();
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

    /** Spins, then parks, until every worker block is done; see {@link #awaitRelease}. */
    private void awaitWorkers() {
        long spinStart = System.nanoTime();
        for (int spins = 0; unfinished.get() != 0; spins++) {
            if ((spins & 63) != 0 || System.nanoTime() - spinStart < SPIN_NANOS) {
                Thread.onSpinWait();
                continue;
            }
            callerParked = true;
            if (unfinished.get() != 0) {
                LockSupport.park(this);
            }
            callerParked = false;
        }
    }

    /** Stops the worker threads, waits for them to end, and closes every copy; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
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
