package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Steps {@code N} copies of an environment one after the other in the calling thread, as
 * Gymnasium's {@code SyncVectorEnv}; the auto-reset rules are {@link VectorEnvironment}'s.
 * Not thread-safe: use one instance from one thread at a time.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class SyncVectorEnvironment<O, A> extends VectorCopies<O, A> {

    private static final String KIND = "SyncVectorEnvironment";

    /**
     * Creates {@code n} copies with {@code factory}, with {@link AutoresetMode#SAME_STEP}.
     *
     * @param factory makes one independent copy per call
     * @param n       the number of copies, at least 1
     * @throws IllegalArgumentException if {@code n < 1} or the factory returns {@code null} or the same object twice
     */
    public SyncVectorEnvironment(Supplier<? extends Environment<O, A>> factory, int n) {
        this(copies(KIND, factory, n), AutoresetMode.SAME_STEP);
    }

    /**
     * @param envs the copies, at least one, all distinct objects
     * @param mode when finished copies are reset
     * @throws IllegalArgumentException if {@code envs} is empty, holds {@code null} or the same object twice
     * @throws NullPointerException     if {@code envs} or {@code mode} is {@code null}
     */
    public SyncVectorEnvironment(List<? extends Environment<O, A>> envs, AutoresetMode mode) {
        super(KIND, envs, mode);
    }

    @Override
    void forEachCopy(IntConsumer work) {
        for (int i = 0; i < size(); i++) {
            work.accept(i);
        }
    }
}
