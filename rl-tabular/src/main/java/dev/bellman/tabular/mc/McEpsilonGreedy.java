package dev.bellman.tabular.mc;

import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.schedule.Schedules;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;

import java.io.IOException;

/**
 * On-policy Monte Carlo control with epsilon-greedy policies (Zhao Sec. 5.4, Algorithm 5.3, "MC
 * ε-Greedy"; Sutton &amp; Barto Sec. 5.4, on-policy first-visit MC control for ε-soft policies).
 * Episodes start where the environment's own {@code reset} puts them and follow the epsilon-greedy
 * policy of the current estimate: the greedy action keeps {@code 1 - epsilon (|A|-1)/|A|}, every other
 * action gets {@code epsilon/|A|} (ties among greedy actions broken at random). At the end of the
 * episode the returns are computed backwards, {@code G_t = R_{t+1} + gamma G_{t+1}}, and each visited
 * pair (first visit only, Sutton &amp; Barto's form, or every visit, Zhao's; see {@link Visits}) moves
 * towards its return: {@code q(S_t,A_t) <- q(S_t,A_t) + alpha_n [G_t - q(S_t,A_t)]}, {@code n} counting
 * the updates of the pair. The policy improvement is implicit: the next episode is epsilon-greedy in
 * the updated {@code q}.
 *
 * <p>The books average the returns: use {@code alpha} = {@link Schedules#harmonic()}. Since the policy
 * keeps changing, a step size that forgets old returns faster, such as
 * {@link Schedules#polynomial(double, double) polynomial(1, 0.7)}, usually reaches the optimal policy
 * of a continuing grid world sooner. Epsilon may
 * follow a schedule over the episode number: a fixed epsilon converges to the best epsilon-greedy
 * policy, whose greedy part need not be optimal (Zhao Sec. 5.4.3); letting epsilon decay towards 0
 * (GLIE) makes {@link #policy()} optimal in the limit.
 *
 * <p>Continuing tasks such as Zhao's grid world need {@link LearnerSettings#maxEpisodeLength()}. A
 * truncated episode is not treated as terminal: its tail is estimated by the epsilon-greedy policy's
 * current value of the last observation, {@code G_T = sum_a pi(a|S_T) q(S_T, a)}. Episodes that a step
 * budget cuts short are not learned from.
 */
public final class McEpsilonGreedy extends TabularControlLearner {

    private final Visits visits;
    private final Episode episode = new Episode();

    /**
     * @param settings gamma, alpha (per-pair update count), epsilon (per episode), seed, episode
     *                 limit, initial value
     * @param visits   first-visit or every-visit averaging
     * @throws IllegalArgumentException if an argument is null
     */
    public McEpsilonGreedy(LearnerSettings settings, Visits visits) {
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

    @Override
    protected void beginEpisode(Integer observation) {
        super.beginEpisode(observation);
        episode.clear();
    }

    @Override
    protected Integer act(Integer state) {
        return epsilonGreedy(state);
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
        double tail = episode.truncated() ? epsilonGreedyExpectation(episode.lastState()) : 0;
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
        out.section("mc-epsilon-greedy");
        out.writeString(visits.name());
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("mc-epsilon-greedy");
        in.expectString("visits", visits.name());
    }
}
