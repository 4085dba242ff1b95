package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.space.Space;

import java.util.List;

/**
 * {@code N} independent copies of an environment stepped together, each reset automatically when
 * its episode ends, as Gymnasium's vector environments.
 *
 * <p>{@link #reset(long) reset(seed)} resets copy {@code i} with {@code seed + i} (as Gymnasium's
 * {@code reset(seed=k)} does); {@link #step(List)} takes one action per copy and returns one
 * {@link Step} per copy, in order. Two auto-reset modes are offered, both Gymnasium's:
 * <ul>
 *   <li>{@link AutoresetMode#SAME_STEP} (the default; Gymnasium 0.26–0.29 and 1.x's
 *       {@code SAME_STEP}): when copy {@code i}'s episode ends, the copy is reset within the same
 *       call. Its {@code Step} keeps the reward and the {@code terminated}/{@code truncated} flags
 *       of the finished step, but its observation is the first observation of the new episode; the
 *       final observation of the finished episode is kept in the info map under
 *       {@link #INFO_FINAL_OBSERVATION}, and the finished step's own info under
 *       {@link #INFO_FINAL_INFO}. Bootstrap a truncated episode from the final observation, never
 *       from {@code observation}.</li>
 *   <li>{@link AutoresetMode#NEXT_STEP} (Gymnasium 1.x's default): the finished step is returned as
 *       the copy returned it; on the next call the copy is reset instead of stepped, its action is
 *       ignored, and its {@code Step} is the first observation of the new episode with reward 0 and
 *       both flags {@code false}.</li>
 * </ul>
 * Automatic resets continue each copy's random stream ({@link Environment#reset()}), so the
 * results depend only on the seed and the actions — never on how the copies are scheduled:
 * {@link SyncVectorEnvironment} and {@link ParallelVectorEnvironment} return identical steps.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public interface VectorEnvironment<O, A> extends AutoCloseable {

    /** Info key, in {@link AutoresetMode#SAME_STEP}, of the finished episode's final observation. */
    String INFO_FINAL_OBSERVATION = "final_observation";
    /** Info key, in {@link AutoresetMode#SAME_STEP}, of the finished step's own info map. */
    String INFO_FINAL_INFO = "final_info";

    /** When a copy whose episode ended is reset. */
    enum AutoresetMode {
        /** In the same {@code step} call that ended the episode; the final observation goes to the info. */
        SAME_STEP,
        /** In the following {@code step} call, which ignores that copy's action. */
        NEXT_STEP
    }

    /** @return the number of copies */
    int size();

    /** @return the auto-reset mode */
    AutoresetMode mode();

    /** @return the observation space of one copy (that of copy 0) */
    Space<O> singleObservationSpace();

    /** @return the action space of one copy (that of copy 0) */
    Space<A> singleActionSpace();

    /** @return the copies, an unmodifiable list; do not step them directly while the vector is in use */
    List<Environment<O, A>> environments();

    /**
     * Resets every copy, copy {@code i} with seed {@code seed + i}.
     *
     * @param seed the seed of copy 0
     * @return the first observation of each copy, in order
     */
    List<O> reset(long seed);

    /**
     * Resets every copy, continuing each copy's random stream.
     *
     * @return the first observation of each copy, in order
     */
    List<O> reset();

    /**
     * Steps every copy with its action, resetting finished copies as the {@link #mode()} says.
     *
     * @param actions one action per copy, in order
     * @return one step per copy, in order
     * @throws IllegalArgumentException if the number of actions is not {@link #size()}, or a copy
     *                                  rejects its action (the first such copy's exception)
     * @throws IllegalStateException    if {@link #reset(long)} or {@link #reset()} was never called
     */
    List<Step<O>> step(List<? extends A> actions);

    /** Closes every copy (and, for a parallel vector, stops its threads). */
    @Override
    void close();
}
