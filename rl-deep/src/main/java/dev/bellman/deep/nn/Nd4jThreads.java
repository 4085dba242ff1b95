package dev.bellman.deep.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Sets the number of threads ND4J (and its OpenBLAS matrix products) may use.
 *
 * <p>The setting is process-wide: it affects every ND4J computation in the JVM, not only Bellman's
 * networks. For the small matrices of reinforcement learning one thread is usually fastest: on the
 * reference machine a [64×256]×[256×256] float product took 79 µs with one thread and 185 µs with
 * ND4J's default two, because thread hand-off costs more than the work it shares.
 */
public final class Nd4jThreads {

    private Nd4jThreads() {
    }

    /**
     * Limits ND4J to {@code threads} threads for the whole process.
     *
     * @param threads number of threads, at least 1
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static void use(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        // OpenBLAS keeps its own OpenMP pool: without this its idle threads spin beside the one at work.
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /**
     * The number of threads ND4J currently may use.
     *
     * @return the number of threads ND4J currently may use
     */
    public static int current() {
        return Nd4j.getEnvironment().maxThreads();
    }
}
