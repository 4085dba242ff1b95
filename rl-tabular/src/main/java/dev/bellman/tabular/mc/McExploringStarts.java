package dev.bellman.tabular.mc;

import dev.bellman.core.Environment;
import dev.bellman.core.ExploringStarts;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.schedule.Schedules;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;

import java.io.IOException;

/**
 * Monte Carlo control with exploring starts (Sutton &amp; Barto Sec. 5.3, "Monte Carlo ES"; Zhao
 * Sec. 5.3, Algorithm 5.2). Every episode starts in a state-action pair drawn uniformly from the
 * learner's stream — a uniformly random start state of the environment
 * ({@link ExploringStarts#startStates()}) and a uniformly random action — and then follows the
 * current greedy policy {@code pi(s) = argmax_a q(s,a)} (ties to the lowest action index). At the end
 * of the episode the returns are computed backwards, {@code G_t = R_{t+1} + gamma G_{t+1}}, and each
 * visited pair (first visit only, or every visit; see {@link Visits}) moves towards its return:
 * {@code q(S_t,A_t) <- q(S_t,A_t) + alpha_n [G_t - q(S_t,A_t)]}, {@code n} counting the updates of the
 * pair. The policy is improved implicitly: it is greedy in {@code q} at every moment.
 *
 * <p>The books average the returns: use {@code alpha} = {@link Schedules#harmonic()}; a constant
 * {@code alpha} gives the constant-step variant. The average suits Blackjack (Sutton &amp; Barto
 * Example 5.3). In a continuing world such as Zhao's grid the early greedy policies are poor (with
 * {@code q = 0} everywhere the greedy action is 0, UP, in every state) and their returns stay in a
 * sample mean for ever; a constant {@code alpha} (0.1 there) forgets them and finds the optimal policy
 * far sooner. The exploring starts make every pair's estimate converge, so epsilon is not used.
 *
 * <p>Continuing tasks such as Zhao's grid world need {@link LearnerSettings#maxEpisodeLength()}. A
 * truncated episode is not treated as terminal: its tail is estimated by the greedy policy's current
 * value of the last observation, {@code G_T = max_a q(S_T, a)}. Episodes that a step budget cuts short
 * are not learned from.
 */
public final class McExploringStarts extends TabularControlLearner {

    private final Visits visits;
    private final Episode episode = new Episode();
    private StartStates<?> starts;
    private int startAction;
    private boolean firstStep;

    /**
     * @param settings gamma, alpha (per-pair update count), seed, episode limit, initial value
     * @param visits   first-visit or every-visit averaging
     * @throws IllegalArgumentException if an argument is null
     */
    public McExploringStarts(LearnerSettings settings, Visits visits) {
        super(settings);
        if (visits == null) {
            throw new IllegalArgumentException("visits must not be null; expected FIRST or EVERY");
        }
        this.visits = visits;
    }

    /** @return whether the first or every visit of a pair is averaged */
    public Visits visits() {
        return visits;
    }

    /**
     * @throws IllegalArgumentException if a space is not discrete, the sizes changed, or the
     *                                  environment does not implement {@link ExploringStarts}
     */
    @Override
    protected void prepare(Environment<Integer, Integer> env) {
        super.prepare(env);
        starts = StartStates.of(env, stateCount(), "McExploringStarts");
    }

    /** The exploring start: a uniformly random start state, and (for {@link #act}) a uniformly random action. */
    @Override
    protected Integer startEpisode(Environment<Integer, Integer> env, boolean first) {
        if (first) {
            env.reset(seed());
        }
        int start = random().nextInt(starts.count());
        startAction = random().nextInt(actionCount());
        return starts.resetTo(start);
    }

    @Override
    protected void beginEpisode(Integer observation) {
        super.beginEpisode(observation);
        episode.clear();
        firstStep = true;
    }

    /** The start action first, then the greedy policy. */
    @Override
    protected Integer act(Integer state) {
        if (firstStep) {
            firstStep = false;
            return startAction;
        }
        return greedyLowestTie(q, state);
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        episode.add(state, action, reward);
        if (terminated || truncated) {
            episode.finish(next, truncated);
        }
    }

    /** Computes the returns backwards and moves each (first-)visited pair's value towards its return. */
    @Override
    protected void endEpisode() {
        double tail = episode.truncated() ? maxValue(episode.lastState()) : 0;
        episode.visitPairReturns(settings.gamma(), tail, visits == Visits.FIRST, stateCount(), actionCount(),
                (state, action, episodeReturn) -> {
                    int sa = index(state, action);
                    q[sa] += nextAlpha(sa) * (episodeReturn - q[sa]);
                });
    }

    /**
     * Adds which visits are averaged, which must match on loading. The episode buffer holds only
     * the current episode, and a checkpoint is never taken inside one.
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("mc-exploring-starts");
        out.writeString(visits.name());
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("mc-exploring-starts");
        in.expectString("visits", visits.name());
    }
}
