package dev.bellman.tabular.mc;

import dev.bellman.core.Environment;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TabularStateValues;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.schedule.Schedules;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;

import java.io.IOException;
import java.util.Arrays;

/**
 * Off-policy Monte Carlo prediction and control by importance sampling (Sutton &amp; Barto Sec.
 * 5.5–5.7, every-visit, incremental). A fixed behaviour policy {@code b} generates the episodes; the
 * values learned are those of a target policy {@code pi}: a given one ({@link #prediction}) or the
 * greedy policy of the estimate itself ({@link #control}). After each episode the returns are computed
 * backwards with the importance-sampling ratio of the rest of the episode,
 * {@code W = rho_{t+1:T-1} = prod_{k=t+1}^{T-1} pi(A_k|S_k) / b(A_k|S_k)}:
 * <pre>
 *   G &lt;- gamma G + R_{t+1}
 *   weighted:  C(S_t,A_t) &lt;- C(S_t,A_t) + W;   q(S_t,A_t) &lt;- q(S_t,A_t) + (W / C(S_t,A_t)) [G - q(S_t,A_t)]
 *   ordinary:  q(S_t,A_t) &lt;- q(S_t,A_t) + alpha_n [W G - q(S_t,A_t)]
 *   W &lt;- W pi(A_t|S_t) / b(A_t|S_t)
 * </pre>
 * Weighted importance sampling (Sutton &amp; Barto's boxed algorithms of Sec. 5.6 and 5.7) uses the
 * cumulative weights {@code C(s,a)}; once {@code W} is 0 no earlier step can change anything and the
 * backward pass stops. Ordinary importance sampling averages the scaled returns {@code W G}, zero
 * weights included: with {@code alpha} = {@link Schedules#harmonic()} it is eq. 5.5's average (unbiased,
 * possibly of infinite variance, Example 5.5); the settings' alpha is not used by weighted sampling.
 *
 * <p>Prediction also estimates the state values {@code v_pi} with the ratio that includes the first
 * action, {@code W pi(A_t|S_t)/b(A_t|S_t) = rho_{t:T-1}} (eqs. 5.5 and 5.6, Example 5.4), returned by
 * {@link #stateValues()}; {@link #actionValues()} returns {@code q_pi} and {@link #policy()} the target.
 * Control's target is greedy in {@code q} with ties to the lowest action index, so {@code pi(a|s)} is 1
 * for the greedy action and 0 otherwise; {@link #policy()} is that greedy policy and
 * {@link #stateValues()} is {@code max_a q(s,a)}.
 *
 * <p>Coverage: the behaviour policy must give every action the target takes a positive probability
 * ({@code pi(a|s) > 0 => b(a|s) > 0}). It is checked where it is used — in every state an episode
 * visits (prediction) or for the greedy action of every state the backward pass reaches (control) —
 * and a violation is an {@link IllegalArgumentException} from {@link #train} naming the state and the
 * action. Epsilon is not used. A truncated episode is not treated as terminal: its tail is estimated
 * by the target's current value of the last observation ({@code sum_a pi(a|S_T) q(S_T,a)}, or
 * {@code max_a q(S_T,a)} for control). Episodes that a step budget cuts short are not learned from.
 */
public final class OffPolicyMonteCarlo extends TabularControlLearner {

    /** How the returns of the behaviour policy are reweighted. */
    public enum Weighting {
        /** the average of {@code rho G}: unbiased, high (even infinite) variance; Sutton &amp; Barto eq. 5.5 */
        ORDINARY,
        /** {@code sum rho G / sum rho}: biased (consistently), far lower variance; eq. 5.6 */
        WEIGHTED
    }

    private final TabularPolicy target;
    private final TabularPolicy behaviour;
    private final Weighting weighting;
    private final Episode episode = new Episode();
    /** {@code pi(a|s)} (prediction only) and {@code b(a|s)}, row-major. */
    private double[] targetTable;
    private double[] behaviourTable;
    /** {@code C(s,a)}, the cumulative weights of the weighted estimate of {@code q}. */
    private double[] cumulativeWeights;
    /** Prediction: {@code v(s)}, with its cumulative weights and (ordinary) update counts. */
    private double[] v;
    private double[] stateWeights;
    private long[] stateUpdates;

    private OffPolicyMonteCarlo(LearnerSettings settings, TabularPolicy target, TabularPolicy behaviour,
                                Weighting weighting) {
        super(settings);
        if (behaviour == null) {
            throw new IllegalArgumentException("behaviour policy must not be null");
        }
        if (weighting == null) {
            throw new IllegalArgumentException("weighting must not be null; expected ORDINARY or WEIGHTED");
        }
        if (target != null && (target.stateCount() != behaviour.stateCount() || target.actionCount() != behaviour.actionCount())) {
            throw new IllegalArgumentException("target policy has " + target.stateCount() + " states and " + target.actionCount()
                    + " actions but behaviour policy has " + behaviour.stateCount() + " and " + behaviour.actionCount()
                    + "; expected the same sizes");
        }
        this.target = target;
        this.behaviour = behaviour;
        this.weighting = weighting;
    }

    /**
     * Off-policy prediction of the values of {@code target} from episodes of {@code behaviour}.
     *
     * @param settings  gamma, alpha (ordinary sampling only), seed, episode limit, initial value
     * @param target    the policy {@code pi} whose values are estimated
     * @param behaviour the policy {@code b} that chooses every action (its randomness drawn from the
     *                  learner's stream); must cover {@code target}
     * @param weighting ordinary or weighted importance sampling
     * @return the learner
     * @throws IllegalArgumentException if an argument is null or the policies differ in size
     */
    public static OffPolicyMonteCarlo prediction(LearnerSettings settings, TabularPolicy target, TabularPolicy behaviour,
                                                 Weighting weighting) {
        if (target == null) {
            throw new IllegalArgumentException("target policy must not be null");
        }
        return new OffPolicyMonteCarlo(settings, target, behaviour, weighting);
    }

    /**
     * Off-policy control: learns {@code q*} and the greedy (optimal) policy from episodes of
     * {@code behaviour}.
     *
     * @param settings  gamma, alpha (ordinary sampling only), seed, episode limit, initial value
     * @param behaviour the policy {@code b} that chooses every action (its randomness drawn from the
     *                  learner's stream); must give every greedy action a positive probability, e.g.
     *                  an epsilon-soft or uniform policy
     * @param weighting ordinary or weighted importance sampling (Sutton &amp; Barto Sec. 5.7 uses weighted)
     * @return the learner
     * @throws IllegalArgumentException if an argument is null
     */
    public static OffPolicyMonteCarlo control(LearnerSettings settings, TabularPolicy behaviour, Weighting weighting) {
        return new OffPolicyMonteCarlo(settings, null, behaviour, weighting);
    }

    /** @return {@code true} for control (greedy target), {@code false} for prediction of a given target */
    public boolean isControl() {
        return target == null;
    }

    /** @return how the returns are reweighted */
    public Weighting weighting() {
        return weighting;
    }

    /** @return the behaviour policy that generates the episodes */
    public TabularPolicy behaviour() {
        return behaviour;
    }

    /**
     * @throws IllegalArgumentException if a space is not discrete, the sizes changed, or a policy's
     *                                  sizes differ from the environment's
     */
    @Override
    protected void prepare(Environment<Integer, Integer> env) {
        super.prepare(env);
        requireSize(behaviour, "behaviour");
        if (target != null) {
            requireSize(target, "target");
        }
    }

    private void requireSize(TabularPolicy policy, String name) {
        if (policy.stateCount() != stateCount() || policy.actionCount() != actionCount()) {
            throw new IllegalArgumentException(name + " policy has " + policy.stateCount() + " states and " + policy.actionCount()
                    + " actions; the environment has " + stateCount() + " and " + actionCount());
        }
    }

    @Override
    protected void allocate(int states, int actions) {
        behaviourTable = behaviour.toArray();
        targetTable = target == null ? null : target.toArray();
        cumulativeWeights = new double[states * actions];
        v = new double[states];
        Arrays.fill(v, settings.initialValue());
        stateWeights = new double[states];
        stateUpdates = new long[states];
    }

    @Override
    protected void beginEpisode(Integer observation) {
        super.beginEpisode(observation);
        episode.clear();
    }

    /** Follows the behaviour policy. */
    @Override
    protected Integer act(Integer state) {
        return behaviour.act(state, random());
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        if (targetTable != null) {
            for (int a = 0; a < actionCount(); a++) {
                requireCovered(state, a, targetTable[index(state, a)]);
            }
        }
        episode.add(state, action, reward);
        if (terminated || truncated) {
            episode.finish(next, truncated);
        }
    }

    /** The backward pass of Sutton &amp; Barto's Sec. 5.6 (prediction) or 5.7 (control) algorithm. */
    @Override
    protected void endEpisode() {
        double gamma = settings.gamma();
        boolean weighted = weighting == Weighting.WEIGHTED;
        double g = episode.truncated() ? targetValue(episode.lastState()) : 0;
        double w = 1;
        for (int t = episode.length() - 1; t >= 0; t--) {
            g = gamma * g + episode.reward(t);
            int s = episode.state(t);
            int sa = index(s, episode.action(t));
            updateActionValue(sa, w, g);
            if (targetTable != null) {
                w *= targetTable[sa] / behaviourTable[sa];
                updateStateValue(s, w, g);
            } else {
                int greedy = greedyLowestTie(q, s);
                requireCovered(s, greedy, 1.0);
                w = episode.action(t) == greedy ? w / behaviourTable[sa] : 0;
            }
            if (w == 0 && weighted) {
                break;
            }
        }
    }

    private void updateActionValue(int sa, double w, double g) {
        if (weighting == Weighting.ORDINARY) {
            q[sa] += nextAlpha(sa) * (w * g - q[sa]);
        } else if (w != 0) {
            cumulativeWeights[sa] += w;
            q[sa] += w / cumulativeWeights[sa] * (g - q[sa]);
        }
    }

    private void updateStateValue(int s, double w, double g) {
        if (weighting == Weighting.ORDINARY) {
            v[s] += settings.alphaAt(++stateUpdates[s]) * (w * g - v[s]);
        } else if (w != 0) {
            stateWeights[s] += w;
            v[s] += w / stateWeights[s] * (g - v[s]);
        }
    }

    /** The target's current value of {@code state}: the estimate of a truncated episode's tail. */
    private double targetValue(int state) {
        if (targetTable == null) {
            return maxValue(state);
        }
        double value = 0;
        for (int a = 0; a < actionCount(); a++) {
            value += targetTable[index(state, a)] * q[index(state, a)];
        }
        return value;
    }

    private void requireCovered(int state, int action, double targetProbability) {
        if (targetProbability > 0 && !(behaviourTable[index(state, action)] > 0)) {
            throw new IllegalArgumentException("the behaviour policy does not cover the target policy in state " + state
                    + ": the target takes action " + action + " with probability " + targetProbability
                    + " but the behaviour policy never does; expected b(a|s) > 0 wherever pi(a|s) > 0");
        }
    }

    /**
     * @return prediction: the estimated {@code v_pi}; control: {@code max_a q(s,a)}, the estimated
     *         values of the greedy target
     * @throws IllegalStateException before the first {@link #train}
     */
    @Override
    public TabularStateValues stateValues() {
        if (target == null) {
            return super.stateValues();
        }
        if (v == null) {
            throw new IllegalStateException("the learner has not been trained yet; call train first");
        }
        return new TabularStateValues(v);
    }

    /**
     * @return prediction: the target policy; control: the greedy policy of the learned action values,
     *         ties to the lowest action index
     * @throws IllegalStateException for control, before the first {@link #train}
     */
    @Override
    public TabularPolicy policy() {
        return target != null ? target : super.policy();
    }

    /**
     * Adds the form (prediction or control), the weighting and the policies' tables, which must
     * match on loading, and the estimates: {@code C(s,a)} and, for prediction, {@code v} with its
     * weights and update counts. The episode buffer holds only the current episode, and a
     * checkpoint is never taken inside one.
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("off-policy-monte-carlo");
        out.writeString(isControl() ? "control" : "prediction");
        out.writeString(weighting.name());
        out.writeDoubles(behaviourTable);
        if (targetTable != null) {
            out.writeDoubles(targetTable);
        }
        out.writeDoubles(cumulativeWeights);
        out.writeDoubles(v);
        out.writeDoubles(stateWeights);
        out.writeLongs(stateUpdates);
    }

    /**
     * Reads what {@link #writeLearnerState} wrote.
     *
     * @throws InvalidCheckpointException if the form, the weighting, a policy or a size differs
     */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("off-policy-monte-carlo");
        in.expectString("the form", isControl() ? "control" : "prediction");
        in.expectString("weighting", weighting.name());
        expectPolicy(in, behaviourTable, "behaviour");
        if (targetTable != null) {
            expectPolicy(in, targetTable, "target");
        }
        in.readDoubles(cumulativeWeights, "cumulative weights C(s,a)");
        in.readDoubles(v, "state values");
        in.readDoubles(stateWeights, "cumulative weights of the state values");
        in.readLongs(stateUpdates, "update counts of the state values");
    }

    private static void expectPolicy(StateReader in, double[] table, String name) throws IOException {
        double[] saved = in.readDoubles(name + " policy");
        if (!Arrays.equals(saved, table)) {
            throw new InvalidCheckpointException("the checkpoint was made with another " + name
                    + " policy: build the learner with the checkpoint's " + name + " policy");
        }
    }
}
