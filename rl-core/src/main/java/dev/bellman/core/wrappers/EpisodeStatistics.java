package dev.bellman.core.wrappers;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Records the return, length and wall time of every finished episode, as Gymnasium's
 * {@code RecordEpisodeStatistics}. The statistics of an episode are available from
 * {@link #episodes()} once it ends, and in the info map of its final {@link Step} (the one with
 * {@code done()}) under {@link #INFO_EPISODE} (an {@link Episode}), {@link #INFO_RETURN}
 * ({@code Double}), {@link #INFO_LENGTH} ({@code Integer}) and {@link #INFO_TIME} ({@code Double},
 * seconds). The clock starts at each {@code reset}; an episode abandoned by a reset before it ended
 * is not recorded.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class EpisodeStatistics<O, A> extends Wrapper<O, A> {

    /** Info key of the finished episode's {@link Episode} record. */
    public static final String INFO_EPISODE = "episode";
    /** Info key of the finished episode's undiscounted return ({@code Double}). */
    public static final String INFO_RETURN = "episode.return";
    /** Info key of the finished episode's length in steps ({@code Integer}). */
    public static final String INFO_LENGTH = "episode.length";
    /** Info key of the finished episode's wall time in seconds ({@code Double}). */
    public static final String INFO_TIME = "episode.time";

    /**
     * The statistics of one finished episode.
     *
     * @param episodeReturn the undiscounted sum of its rewards
     * @param length        its number of steps
     * @param seconds       the wall time from its reset to its final step, in seconds
     */
    public record Episode(double episodeReturn, int length, double seconds) {
    }

    private final LongSupplier nanoClock;
    private final List<Episode> episodes = new ArrayList<>();
    private double episodeReturn;
    private int length;
    private long startNanos;

    /**
     * Records statistics with the system clock ({@link System#nanoTime()}).
     *
     * @param env the environment to observe
     */
    public EpisodeStatistics(Environment<O, A> env) {
        this(env, System::nanoTime);
    }

    /**
     * @param env       the environment to observe
     * @param nanoClock a monotonic clock in nanoseconds, e.g. {@link System#nanoTime()}
     * @throws NullPointerException if {@code nanoClock} is {@code null}
     */
    public EpisodeStatistics(Environment<O, A> env, LongSupplier nanoClock) {
        super(env);
        if (nanoClock == null) {
            throw new NullPointerException("nanoClock must not be null");
        }
        this.nanoClock = nanoClock;
    }

    /** @return the finished episodes in order, an unmodifiable copy */
    public List<Episode> episodes() {
        return List.copyOf(episodes);
    }

    /** @return the undiscounted return of the running episode so far */
    public double currentReturn() {
        return episodeReturn;
    }

    /** @return the steps of the running episode so far */
    public int currentLength() {
        return length;
    }

    @Override
    public O reset(long seed) {
        O observation = env.reset(seed);
        start();
        return observation;
    }

    @Override
    public O reset() {
        O observation = env.reset();
        start();
        return observation;
    }

    private void start() {
        episodeReturn = 0;
        length = 0;
        startNanos = nanoClock.getAsLong();
    }

    /** Steps the inner environment; on the final step, records the episode and adds it to the info. */
    @Override
    public Step<O> step(A action) {
        Step<O> step = env.step(action);
        episodeReturn += step.reward();
        length++;
        if (!step.done()) {
            return step;
        }
        Episode episode = new Episode(episodeReturn, length, (nanoClock.getAsLong() - startNanos) / 1e9);
        episodes.add(episode);
        Map<String, Object> info = new HashMap<>(step.info());
        info.put(INFO_EPISODE, episode);
        info.put(INFO_RETURN, episode.episodeReturn());
        info.put(INFO_LENGTH, episode.length());
        info.put(INFO_TIME, episode.seconds());
        return new Step<>(step.observation(), step.reward(), step.terminated(), step.truncated(), info);
    }

    /** Writes the wrapped environment's state, then the running episode's return and length (its wall-clock start is not state: the resumed episode's time counts from the resume). */
    @Override
    public void writeState(StateWriter out) throws IOException {
        super.writeState(out);
        out.writeDouble(episodeReturn);
        out.writeInt(length);
    }

    /** Restores what {@link #writeState} wrote. */
    @Override
    public void readState(StateReader in) throws IOException {
        super.readState(in);
        episodeReturn = in.readDouble();
        length = in.readInt();
    }
}
