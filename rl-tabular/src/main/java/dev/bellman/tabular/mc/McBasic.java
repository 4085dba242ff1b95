package dev.bellman.tabular.mc;

import dev.bellman.core.Environment;
import dev.bellman.core.ExploringStarts;
import dev.bellman.core.checkpoint.InvalidCheckpointException;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.TabularControlLearner;

import java.io.IOException;
import java.util.Map;

/**
 * MC Basic (Zhao Sec. 5.2, Algorithm 5.1): policy iteration whose evaluation step estimates the action
 * values from episodes instead of a model. Iteration {@code k}:
 * <ol>
 *   <li>policy evaluation: for every start state {@code s} of the environment
 *       ({@link ExploringStarts#startStates()}) and every action {@code a}, run {@code n}
 *       ({@code episodesPerPair}) episodes of {@code L} ({@code episodeLength}) steps that begin with
 *       {@code a} in {@code s} and then follow {@code pi_k}, and set
 *       {@code q_k(s,a) = (1/n) sum_i g^(i)(s,a)}, the mean of their discounted returns
 *       {@code g = r_1 + gamma r_2 + ... + gamma^(L-1) r_L};</li>
 *   <li>policy improvement: {@code pi_{k+1}(s) = argmax_a q_k(s,a)}, ties to the lowest action index.</li>
 * </ol>
 * Training stops once an improvement changes no action ({@link #isStable()}), or when the budget runs
 * out. {@code pi_0} is the greedy policy of the initial values, i.e. action 0 in every state. The
 * learned {@link #policy()} is {@code pi_{k+1}}, greedy in {@link #actionValues()} = {@code q_k}, and
 * {@link #stateValues()} is {@code max_a q_k(s,a)}: the L-step return of {@code pi_{k+1}} once stable.
 *
 * <p>The return is the L-step return by definition: an episode cut by the length {@code L} is not
 * bootstrapped, which is why short episodes leave states far from the reward at value 0 (Zhao
 * Fig. 5.4). An episode that reaches a terminal state earlier ends there (tail 0); one that the
 * environment truncates before {@code L} steps has its tail estimated by the current
 * {@code q(S_T, pi_k(S_T))}. In a deterministic world one episode per pair gives the exact value.
 *
 * <p>Budget: an iteration takes {@code |start states| x |A| x n} episodes. Settings used: gamma, seed
 * and the initial value; alpha and epsilon are not used, and the settings' episode limit is replaced
 * by {@code L}. A budget that runs out in the middle of an iteration leaves it to be completed by the
 * next {@link #train} call. Once stable, training is over: a later {@code train} call runs no
 * episode. Listeners receive the metrics {@code iteration} and
 * {@code policyChanges} after each improvement.
 *
 * <p>Implementation: the shared training loop ({@link TabularControlLearner}) runs the episodes;
 * {@link #startEpisode} walks through the pairs of the current iteration, and the improvement step
 * runs when the last pair's episodes have ended.
 */
public final class McBasic extends TabularControlLearner {

    private final int episodeLength;
    private final int episodesPerPair;
    private StartStates<?> starts;
    /** {@code pi_k}: the action of every state, followed after each episode's first step. */
    private int[] policyActions;
    /** The pair under evaluation: {@code startIndex * actionCount + action}. */
    private int pair;
    private int episodesOfPair;
    private double returnSum;
    private double episodeReturn;
    private double discount;
    private int steps;
    private int iterations;
    private boolean stable;

    /**
     * @param settings        gamma, seed, initial value
     * @param episodeLength   {@code L}, the steps of every episode, at least 1
     * @param episodesPerPair {@code n}, the episodes averaged for each state-action pair, at least 1
     *                        (1 suffices in a deterministic world)
     * @throws IllegalArgumentException if {@code settings} is null or a count is below 1
     */
    public McBasic(LearnerSettings settings, int episodeLength, int episodesPerPair) {
        super(withEpisodeLength(settings, episodeLength));
        if (episodesPerPair < 1) {
            throw new IllegalArgumentException("episodesPerPair " + episodesPerPair + " must be at least 1");
        }
        this.episodeLength = episodeLength;
        this.episodesPerPair = episodesPerPair;
    }

    /** Policy iteration is over once the policy is stable. */
    @Override
    protected boolean isFinished() {
        return stable;
    }

    private static LearnerSettings withEpisodeLength(LearnerSettings settings, int episodeLength) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        if (episodeLength < 1) {
            throw new IllegalArgumentException("episodeLength " + episodeLength + " must be at least 1");
        }
        return settings.toBuilder().maxEpisodeLength(episodeLength).build();
    }

    /** @return {@code L}, the length of every episode */
    public int episodeLength() {
        return episodeLength;
    }

    /** @return {@code n}, the episodes per state-action pair and iteration */
    public int episodesPerPair() {
        return episodesPerPair;
    }

    /** @return the policy iterations completed so far */
    public int iterations() {
        return iterations;
    }

    /** @return {@code true} once an improvement step left every action unchanged */
    public boolean isStable() {
        return stable;
    }

    /**
     * @throws IllegalArgumentException if a space is not discrete, the sizes changed, or the
     *                                  environment does not implement {@link ExploringStarts}
     */
    @Override
    protected void prepare(Environment<Integer, Integer> env) {
        super.prepare(env);
        starts = StartStates.of(env, stateCount(), "McBasic");
        if (pair >= starts.count() * actionCount()) {
            pair = 0;
            episodesOfPair = 0;
            returnSum = 0;
        }
    }

    @Override
    protected void allocate(int states, int actions) {
        policyActions = new int[states];
        for (int s = 0; s < states; s++) {
            policyActions[s] = greedyLowestTie(q, s);
        }
    }

    /** Starts the next episode of the pair under evaluation, in its state. */
    @Override
    protected Integer startEpisode(Environment<Integer, Integer> env, boolean first) {
        if (first) {
            env.reset(seed());
        }
        return starts.resetTo(pair / actionCount());
    }

    @Override
    protected void beginEpisode(Integer observation) {
        super.beginEpisode(observation);
        episodeReturn = 0;
        discount = 1;
        steps = 0;
    }

    /** The pair's action first, then {@code pi_k}. */
    @Override
    protected Integer act(Integer state) {
        return steps == 0 ? pair % actionCount() : policyActions[state];
    }

    @Override
    protected void update(Integer state, Integer action, double reward, Integer next, boolean terminated, boolean truncated) {
        episodeReturn += discount * reward;
        discount *= settings.gamma();
        steps++;
        if (truncated && steps < episodeLength) {
            episodeReturn += discount * q[index(next, policyActions[next])];
        }
    }

    /** Adds the return to the pair's mean; after the last pair of an iteration, improves the policy. */
    @Override
    protected void endEpisode() {
        returnSum += episodeReturn;
        if (++episodesOfPair < episodesPerPair) {
            return;
        }
        int state = starts.state(pair / actionCount());
        q[index(state, pair % actionCount())] = returnSum / episodesPerPair;
        returnSum = 0;
        episodesOfPair = 0;
        if (++pair == starts.count() * actionCount()) {
            pair = 0;
            improve();
        }
    }

    /** {@code pi_{k+1}(s) = argmax_a q_k(s,a)}; stable if no action changed. */
    private void improve() {
        int changes = 0;
        for (int s = 0; s < policyActions.length; s++) {
            int best = greedyLowestTie(q, s);
            if (best != policyActions[s]) {
                policyActions[s] = best;
                changes++;
            }
        }
        iterations++;
        stable = changes == 0;
        reportMetrics(Map.of("iteration", (double) iterations, "policyChanges", (double) changes));
    }

    /**
     * Adds {@code L} and {@code n}, which must match on loading, and where the policy iteration
     * stands: {@code pi_k}, the pair under evaluation and its returns so far, the iteration count
     * and whether the policy is stable.
     */
    @Override
    protected void writeLearnerState(StateWriter out) throws IOException {
        super.writeLearnerState(out);
        out.section("mc-basic");
        out.writeString(Integer.toString(episodeLength));
        out.writeString(Integer.toString(episodesPerPair));
        out.writeInts(policyActions);
        out.writeInt(pair);
        out.writeInt(episodesOfPair);
        out.writeDouble(returnSum);
        out.writeInt(iterations);
        out.writeBoolean(stable);
    }

    /**
     * Reads what {@link #writeLearnerState} wrote.
     *
     * @throws InvalidCheckpointException if a setting differs or the pair under evaluation is not
     *                                    one of this environment's start states and actions
     */
    @Override
    protected void readLearnerState(StateReader in) throws IOException {
        super.readLearnerState(in);
        in.section("mc-basic");
        in.expectString("episodeLength", Integer.toString(episodeLength));
        in.expectString("episodesPerPair", Integer.toString(episodesPerPair));
        in.readInts(policyActions, "policy actions");
        int savedPair = in.readInt();
        int pairs = starts.count() * actionCount();
        if (savedPair < 0 || savedPair >= pairs) {
            throw new InvalidCheckpointException("the checkpoint evaluates state-action pair " + savedPair
                    + " but the environment has " + pairs + " (start states x actions)");
        }
        pair = savedPair;
        episodesOfPair = in.readInt();
        returnSum = in.readDouble();
        iterations = in.readInt();
        stable = in.readBoolean();
    }
}
