package dev.bellman.tabular.mc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellman.core.Budget;
import dev.bellman.core.TabularActionValues;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.TrainingReport;
import dev.bellman.core.Transition;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.env.toytext.RandomWalk;
import dev.bellman.tabular.LearnerSettings;
import dev.bellman.tabular.dp.PolicyEvaluation;
import dev.bellman.tabular.dp.ValueIteration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MC Basic on Zhao's 5×5 world with {@code r_forbidden = -10} and γ = 0.9, the setting of Zhao
 * Fig. 5.4 ("the policies and state values obtained by MC Basic with different episode lengths").
 * The world is deterministic, so one episode per pair gives the exact L-step returns, and every run
 * is compared with an independent computation on the known model.
 */
class McBasicTest {

    private static final double GAMMA = 0.9;
    private static final GridWorld WORLD = GridWorldPreset.ZHAO_5X5.builder().rewardForbidden(-10).build();
    /** Pairs per iteration: 25 start states x 5 actions. */
    private static final int PAIRS = 125;

    private static McBasic trained(int episodeLength) {
        McBasic learner = new McBasic(LearnerSettings.builder().gamma(GAMMA).seed(1).build(), episodeLength, 1);
        // 100 iterations at most; every length here is stable after 11 or fewer.
        learner.train(WORLD, Budget.episodes(100L * PAIRS));
        assertTrue(learner.isStable(), "L = " + episodeLength + ": policy not stable after " + learner.iterations() + " iterations");
        return learner;
    }

    @Test
    void episodeLengthOneGivesValueOneOnTheTargetAndItsFourNeighboursOnly() {
        // Zhao Fig. 5.4(a): with L = 1 the return is the immediate reward, so only the target (stay: +1)
        // and the cells that step into it, (2,2) above, (3,1) left, (3,3) right, (4,2) below (0-based), get 1.
        double[] values = trained(1).stateValues().toArray();
        double[] expected = new double[25];
        for (int s : new int[]{WORLD.state(3, 2), WORLD.state(2, 2), WORLD.state(3, 1), WORLD.state(3, 3), WORLD.state(4, 2)}) {
            expected[s] = 1;
        }
        assertArrayEquals(expected, values, 0.0);
    }

    @ParameterizedTest(name = "L = {0}")
    @ValueSource(ints = {1, 2, 3, 4, 14, 15, 30, 100})
    void eachEpisodeLengthGivesTheTruncatedReturnsOfItsGreedyPolicy(int episodeLength) {
        // Zhao Fig. 5.4 (a)-(h). Expected numbers come from the model, not from McBasic: the same policy
        // iteration with q_k(s,a) = r(s,a) + gamma v^{L-1}_{pi_k}(s'), where v^k(s) = r(s, pi(s)) + gamma v^{k-1}(s').
        McBasic learner = trained(episodeLength);
        ModelMcBasic model = new ModelMcBasic(WORLD, GAMMA);
        int[] policy = greedyActions(learner.policy());

        assertArrayEquals(model.run(episodeLength), policy, "the policy the model's policy iteration reaches");
        double[] truncatedReturns = model.truncatedValues(policy, episodeLength);
        assertArrayEquals(truncatedReturns, learner.stateValues().toArray(), 1e-9, "v(s) = max_a q(s,a) = L-step return of pi");
        assertArrayEquals(model.greedy(model.truncatedActionValues(policy, episodeLength)), policy,
                "pi is greedy in its own L-step action values (the stopping condition)");
        assertArrayEquals(model.truncatedActionValues(policy, episodeLength), learner.actionValues().toArray(), 1e-9);
    }

    @Test
    void valuesGrowWithTheEpisodeLengthAndFarStatesNeedLongEpisodes() {
        // Zhao Sec. 5.2.3 on Fig. 5.4: with short episodes the return of states far from the target never
        // reaches it, so their values stay 0; the values grow with L. The bottom-left cell (4,0) is 14 steps
        // of the greedy path from the target's reward: 0 for L = 14, positive for L = 15.
        int[] lengths = {1, 2, 3, 4, 14, 15, 30, 100};
        double[][] values = new double[lengths.length][];
        for (int i = 0; i < lengths.length; i++) {
            values[i] = trained(lengths[i]).stateValues().toArray();
        }
        for (int i = 1; i < lengths.length; i++) {
            for (int s = 0; s < 25; s++) {
                assertTrue(values[i][s] >= values[i - 1][s], "state " + s + ": L = " + lengths[i] + " gives " + values[i][s]
                        + " < " + values[i - 1][s] + " of L = " + lengths[i - 1]);
            }
        }
        int farCorner = WORLD.state(4, 0);
        assertEquals(0.0, values[4][farCorner], 0.0, "L = 14");
        assertTrue(values[5][farCorner] > 0.2, "L = 15 gives " + values[5][farCorner]);
        assertEquals(0.0, values[3][WORLD.state(0, 0)], 0.0, "L = 4 leaves the top-left corner at 0");
    }

    @Test
    void longEpisodesGiveAnOptimalPolicyWithinGammaToTheLOfTheOptimalValues() throws IOException {
        // Zhao Fig. 5.4(h) (L = 100) shows Fig. 3.4(d)'s optimal values. Bound: for an optimal pi,
        // v^L_pi(s) = v*(s) - gamma^L E[v*(S_L)], so |v^L - v*| <= gamma^L max_s |v*(s)| = 0.9^100 * 10 = 2.66e-4
        // (here v* lies in [0, 10], 10 = r_target / (1 - gamma)). Every greedy path reaches the target within
        // 100 steps, so the gap is exactly gamma^L * 10 in every state.
        int length = 100;
        McBasic learner = trained(length);
        double[] optimal = new ValueIteration(GAMMA, 1e-12).solve(WORLD).stateValues().toArray();
        double[] greedyValues = new PolicyEvaluation(GAMMA, 1e-12, PolicyEvaluation.Method.EXACT)
                .evaluate(WORLD, learner.policy()).stateValues().toArray();
        assertArrayEquals(optimal, greedyValues, 1e-9, "the final greedy policy is optimal");

        double bound = Math.pow(GAMMA, length) * Arrays.stream(optimal).map(Math::abs).max().orElseThrow();
        assertEquals(2.656e-4, bound, 1e-7);
        double[] values = learner.stateValues().toArray();
        for (int s = 0; s < 25; s++) {
            assertTrue(Math.abs(values[s] - optimal[s]) <= bound + 1e-12, "state " + s);
            assertEquals(optimal[s] - bound, values[s], 1e-9, "state " + s);
        }
        assertArrayEquals(printedFigure3_4d(), values, 0.05 + 1e-9, "Zhao Fig. 3.4(d) / 5.4(h), printed to one decimal");
    }

    @Test
    void trainingInPiecesGivesTheSameResultAsTrainingAtOnce() {
        // A budget that ends in the middle of an iteration leaves it for the next call.
        McBasic once = trained(15);
        McBasic pieces = new McBasic(LearnerSettings.builder().gamma(GAMMA).seed(1).build(), 15, 1);
        for (int i = 0; i < 40 && !pieces.isStable(); i++) {
            pieces.train(WORLD, Budget.episodes(97));
        }
        assertTrue(pieces.isStable());
        assertEquals(once.iterations(), pieces.iterations());
        assertArrayEquals(once.actionValues().toArray(), pieces.actionValues().toArray(), 0.0);
    }

    @Test
    void trainingStopsWhenThePolicyIsStable() {
        McBasic learner = new McBasic(LearnerSettings.builder().gamma(GAMMA).build(), 4, 1);
        TrainingReport report = learner.train(WORLD, Budget.episodes(1_000_000));
        assertEquals((long) learner.iterations() * PAIRS, report.episodeCount());
        assertEquals(report.episodeCount() * 4L, report.totalSteps());
        double[] before = learner.actionValues().toArray();
        TrainingReport after = learner.train(WORLD, Budget.episodes(1_000_000));
        assertEquals(0, after.episodeCount(), "a stable learner has nothing left to learn");
        assertArrayEquals(before, learner.actionValues().toArray(), 0.0);
    }

    @Test
    void sameSeedGivesTheSameRunOnASlipperyWorldAndAnotherSeedDoesNot() {
        // With slip the returns are random: the environment's stream is seeded from the learner's seed.
        GridWorld slippery = GridWorldPreset.ZHAO_5X5.builder().slip(0.2).build();
        LearnerSettings settings = LearnerSettings.builder().gamma(GAMMA).seed(5).build();
        McBasic first = new McBasic(settings, 10, 3);
        McBasic again = new McBasic(settings, 10, 3);
        McBasic other = new McBasic(settings.toBuilder().seed(6).build(), 10, 3);
        TrainingReport a = first.train(slippery, Budget.episodes(3 * PAIRS * 2));
        TrainingReport b = again.train(GridWorldPreset.ZHAO_5X5.builder().slip(0.2).build(), Budget.episodes(3 * PAIRS * 2));
        TrainingReport c = other.train(slippery, Budget.episodes(3 * PAIRS * 2));
        assertArrayEquals(a.episodeReturns(), b.episodeReturns(), 0.0);
        assertArrayEquals(a.episodeLengths(), b.episodeLengths());
        assertArrayEquals(first.actionValues().toArray(), again.actionValues().toArray(), 0.0);
        assertFalse(Arrays.equals(a.episodeReturns(), c.episodeReturns()));
        assertFalse(Arrays.equals(first.actionValues().toArray(), other.actionValues().toArray()));
    }

    @Test
    void badInputIsRejectedWithTheValueNamed() {
        LearnerSettings settings = LearnerSettings.builder().build();
        assertTrue(message(() -> new McBasic(settings, 0, 1)).contains("episodeLength 0 must be at least 1"));
        assertTrue(message(() -> new McBasic(settings, 10, 0)).contains("episodesPerPair 0 must be at least 1"));
        assertTrue(message(() -> new McBasic(null, 10, 1)).contains("settings must not be null"));
        String noStarts = message(() -> new McBasic(settings, 10, 1).train(RandomWalk.fiveStates(), Budget.episodes(10)));
        assertTrue(noStarts.contains("dev.bellman.env.toytext.RandomWalk") && noStarts.contains("ExploringStarts"), noStarts);
        String continuous = message(() -> new McBasic(settings, 10, 1).train(TestEnvironments.continuousObservations(),
                Budget.episodes(10)));
        assertTrue(continuous.contains("discrete observation space"), continuous);
    }

    private static String message(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    private static int[] greedyActions(TabularPolicy policy) {
        int[] actions = new int[policy.stateCount()];
        for (int s = 0; s < actions.length; s++) {
            actions[s] = policy.mostProbableAction(s);
        }
        return actions;
    }

    private static double[] printedFigure3_4d() throws IOException {
        try (InputStream in = McBasicTest.class.getResourceAsStream("/reference/books/zhao_fig3_4_optimal_values.json")) {
            JsonNode rows = new ObjectMapper().readTree(in).get("cases").get("d_r_forbidden_-10").get("printed_values_1dp");
            double[] out = new double[25];
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 5; c++) {
                    out[r * 5 + c] = rows.get(r).get(c).asDouble();
                }
            }
            return out;
        }
    }

    /**
     * Zhao's Algorithm 5.1 with the known deterministic model in place of the episodes: the test's
     * independent computation. {@code pi_0} is action 0 everywhere, as in {@link McBasic}.
     */
    private static final class ModelMcBasic {
        private final int states;
        private final int actions;
        private final double gamma;
        private final int[] next;
        private final double[] reward;

        ModelMcBasic(GridWorld world, double gamma) {
            this.states = world.stateCount();
            this.actions = world.actionCount();
            this.gamma = gamma;
            this.next = new int[states * actions];
            this.reward = new double[states * actions];
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    List<Transition> outcomes = world.transitions(s, a);
                    assertEquals(1, outcomes.size(), "deterministic world");
                    next[s * actions + a] = outcomes.get(0).nextState();
                    reward[s * actions + a] = outcomes.get(0).reward();
                }
            }
        }

        /** {@code v^L_pi}: the L-step return of {@code pi} from every state, by the recursion on the model. */
        double[] truncatedValues(int[] policy, int steps) {
            double[] values = new double[states];
            for (int k = 1; k <= steps; k++) {
                double[] previous = values;
                values = new double[states];
                for (int s = 0; s < states; s++) {
                    int sa = s * actions + policy[s];
                    values[s] = reward[sa] + gamma * previous[next[sa]];
                }
            }
            return values;
        }

        /** {@code q^L(s,a) = r(s,a) + gamma v^{L-1}_pi(s')}. */
        double[] truncatedActionValues(int[] policy, int steps) {
            double[] tail = truncatedValues(policy, steps - 1);
            double[] q = new double[states * actions];
            for (int sa = 0; sa < q.length; sa++) {
                q[sa] = reward[sa] + gamma * tail[next[sa]];
            }
            return q;
        }

        /** The greedy actions, ties within {@link TabularActionValues#TIE_TOLERANCE} to the lowest index. */
        int[] greedy(double[] q) {
            int[] policy = new int[states];
            for (int s = 0; s < states; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < actions; a++) {
                    best = Math.max(best, q[s * actions + a]);
                }
                int a = 0;
                while (q[s * actions + a] < best - TabularActionValues.TIE_TOLERANCE) {
                    a++;
                }
                policy[s] = a;
            }
            return policy;
        }

        /** Policy iteration with L-step evaluation from {@code pi_0 = 0} until the policy is stable. */
        int[] run(int steps) {
            int[] policy = new int[states];
            for (int iteration = 0; iteration < 100; iteration++) {
                int[] improved = greedy(truncatedActionValues(policy, steps));
                if (Arrays.equals(improved, policy)) {
                    return policy;
                }
                policy = improved;
            }
            throw new AssertionError("the model's policy iteration did not settle in 100 iterations for L = " + steps);
        }
    }
}
