package dev.bellman.deep.nn;

import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A second lane of work beside the calling thread: tasks given to {@link #run(Runnable)} execute in
 * order on one worker thread while the caller goes on, and {@link #join()} waits for all of them.
 * Training uses it to put independent matrix products (a layer's weight gradient beside the delta
 * below it, a target network's forward pass beside the online one's) on the second core, each
 * product on one BLAS thread: the sums run in the same order as on one lane, so results are
 * bit-identical whatever the lane count.
 *
 * <p>The worker is a daemon thread that ends after a second without work and starts again when
 * needed. {@link #join()} spins while it waits (the tasks are hundreds of microseconds long, and a
 * parked thread takes tens of microseconds to wake), then yields after a millisecond.
 *
 * <p>Use a lane from one thread at a time.
 */
public final class WorkerLane {

    private static final long SPIN_NANOS = 1_000_000;

    private final ThreadPoolExecutor executor;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Throwable failure;

    /** Creates a lane; its worker thread starts with the first task. */
    public WorkerLane() {
        executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "bellman-worker-lane");
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Queues {@code task} behind the lane's earlier tasks.
     *
     * @param task the work to run on the lane's thread, after the tasks queued before it
     * @throws NullPointerException if {@code task} is null
     */
    public void run(Runnable task) {
        Objects.requireNonNull(task, "task");
        pending.incrementAndGet();
        executor.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                // The volatile decrement publishes the task's writes, native memory included, to join().
                pending.decrementAndGet();
            }
        });
    }

    /**
     * Waits until every queued task has finished.
     *
     * @throws IllegalStateException wrapping the first exception a task threw (the lane is usable
     *                               again afterwards)
     */
    public void join() {
        long start = System.nanoTime();
        while (pending.get() > 0) {
            if (System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        Throwable thrown = failure;
        if (thrown != null) {
            failure = null;
            throw new IllegalStateException("a task on the worker lane failed: " + thrown, thrown);
        }
    }
}
