package dev.bellman.tabular.mc;

import dev.bellman.core.Policy;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.schedule.Schedules;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularPredictionLearner;

import java.io.IOException;

/**
 * Monte Carlo prediction (Sutton &amp; Barto Sec. 5.1; Zhao Sec. 5.1–5.3): estimates the state values
 * {@code v_pi} of a given policy from the returns of whole episodes. After each episode the returns
 * are computed backwards, {@code G_t = R_{t+1} + gamma G_{t+1}}, and each visited state (its first
 * visit only, or every visit; see {@link Visits}) moves towards its return:
 * {@code v(S_t) <- v(S_t) + alpha_n [G_t - v(S_t)]}, where {@code n} counts the updates of
 * {@code S_t}. With {@code alpha} = {@link Schedules#harmonic()} ({@code 1/n}) this is the sample
 * mean of the returns (Zhao's incremental mean estimation, Sutton &amp; Barto's "average"); with a
 * constant {@code alpha} it is constant-α MC (Sutton &amp; Barto eq. 6.1), which tracks a changing
 * world.
 *
 * <p>Episodes end when the environment terminates them ({@code G_T = 0}) or when a time limit
 * truncates them (the environment's, or {@link LearnerSettings#maxEpisodeLength()}). A truncated
 * episode is not treated as terminal: its tail is estimated by the current value of the last
 * observation, {@code G_T = v(S_T)} (read before the episode's own updates), as Gymnasium's
 * {@code truncated} prescribes. Episodes that a step budget cuts short are not learned from.
 * The settings' epsilon is not used.
 */
public final class MonteCarloPrediction extends TabularPredictionLearner {

    private final Visits visits;
    private final Episode episode = new Episode();

    /**
     * @param settings gamma, alpha (per-state update count), seed, episode limit, initial value
     * @param policy   the policy to evaluate; it chooses every action, its randomness drawn from the
     *                 learner's stream
     * @param visits   first-visit or every-visit averaging
     * @throws IllegalArgumentException if an argument is null
     */
    public MonteCarloPrediction(LearnerSettings settings, Policy<Integer, Integer> policy, Visits visits) {
        super(settings, policy);
        if (visits == null) {
            throw new IllegalArgumentException("visits must not be null; expected FIRST or EVERY");
        }
        this.visits = visits;
    }

    /** @return whether the first or every visit of a state is averaged */
    public Visits visits() {
        return visits;
    }

    @Override
    protected void beginEpisode(Integer observation) {
        episode.clear();
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        episode.add(state, action, reward);
        if (terminated || truncated) {
            episode.finish(next, truncated);
        }
    }

    /** Computes the returns backwards and moves each (first-)visited state's value towards its return. */
    @Override
    protected void endEpisode() {
        boolean firstOnly = visits == Visits.FIRST;
        if (firstOnly) {
            episode.markFirstVisitsOfStates(v.length);
        }
        double gamma = settings.gamma();
        double g = episode.truncated() ? v[episode.lastState()] : 0;
        for (int t = episode.length() - 1; t >= 0; t--) {
            g = episode.reward(t) + gamma * g;
            if (!firstOnly || episode.firstVisit(t)) {
                int s = episode.state(t);
                v[s] += nextAlpha(s) * (g - v[s]);
            }
        }
    }

    /**
     * Adds which visits are averaged, which must match on loading. The episode buffer holds only
     * the current episode, and a checkpoint is never taken inside one.
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("monte-carlo-prediction");
        out.writeString(visits.name());
    }

    /** Reads what {@link #writeLearnerState} wrote. */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("monte-carlo-prediction");
        in.expectString("visits", visits.name());
    }
}
