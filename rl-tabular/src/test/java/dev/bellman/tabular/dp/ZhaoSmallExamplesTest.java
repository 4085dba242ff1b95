package dev.bellman.tabular.dp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.GridAction;
import dev.bellman.env.grid.GridWorld;
import org.junit.jupiter.api.Test;

import static dev.bellman.env.grid.GridAction.DOWN;
import static dev.bellman.env.grid.GridAction.LEFT;
import static dev.bellman.env.grid.GridAction.RIGHT;
import static dev.bellman.env.grid.GridAction.STAY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The small worked examples of Zhao's book and slides ({@code zhao_small_examples.json}): every printed
 * number reproduced with the book's semantics, to 1e-9.
 */
class ZhaoSmallExamplesTest {

    private static final double EXACT = 1e-9;
    private static final double GAMMA = 0.9;
    private static final JsonNode EXAMPLES = Reference.load("zhao_small_examples.json").get("examples");

    /** s1 (1,1), s2 (1,2) forbidden, s3 (2,1), s4 (2,2) target; rewards -1/-1/+1/0. */
    private static final GridWorld GRID_2X2 = GridWorld.builder(".#\n.T").build();

    private static int[] actions(GridAction... actions) {
        int[] out = new int[actions.length];
        for (int i = 0; i < actions.length; i++) {
            out[i] = actions[i].ordinal();
        }
        return out;
    }

    private static double[] evaluateAllWays(GridWorld world, TabularPolicy policy) {
        double[] exact = new PolicyEvaluation(GAMMA, 1e-12, PolicyEvaluation.Method.EXACT)
                .evaluate(world, policy).stateValues().toArray();
        double[] iterative = new PolicyEvaluation(GAMMA, 1e-12, PolicyEvaluation.Method.TWO_ARRAY)
                .evaluate(world, policy).stateValues().toArray();
        assertArrayEquals(exact, iterative, 1e-10);
        return exact;
    }

    @Test
    void fig2_4DeterministicPolicyValues() {
        TabularPolicy policy = TabularPolicy.deterministic(actions(DOWN, DOWN, RIGHT, STAY), 5);
        assertArrayEquals(Reference.vector(EXAMPLES.at("/grid_2x2/fig2_4_p23/v")), evaluateAllWays(GRID_2X2, policy), EXACT);
    }

    @Test
    void fig2_5StochasticPolicyValues() {
        TabularPolicy policy = TabularPolicy.of(new double[][]{
                {0, 0.5, 0.5, 0, 0}, {0, 0, 1, 0, 0}, {0, 1, 0, 0, 0}, {0, 0, 0, 0, 1}});
        assertArrayEquals(Reference.vector(EXAMPLES.at("/grid_2x2/fig2_5_p24/v")), evaluateAllWays(GRID_2X2, policy), EXACT);
    }

    @Test
    void fig3_2StateAndActionValuesOfAPolicyThroughTheForbiddenCell() {
        TabularPolicy policy = TabularPolicy.deterministic(actions(RIGHT, DOWN, RIGHT, STAY), 5);
        PlanningResult result = new PolicyEvaluation(GAMMA, 1e-12, PolicyEvaluation.Method.EXACT).evaluate(GRID_2X2, policy);
        JsonNode example = EXAMPLES.at("/grid_2x2/fig3_2_p36_37");
        assertArrayEquals(Reference.vector(example.get("v")), result.stateValues().toArray(), EXACT);
        double[] q = result.actionValues().toArray();
        assertArrayEquals(Reference.vector(example.get("q_s1_a1..a5")), java.util.Arrays.copyOfRange(q, 0, 5), EXACT);
    }

    @Test
    void fig4_2ValueIterationTablesFromZero() {
        JsonNode steps = EXAMPLES.at("/grid_2x2/fig4_2_tables4_2_4_3_p60_61_value_iteration_from_v0_0");
        for (JsonNode step : steps) {
            int k = step.get("k").asInt();
            // After k sweeps the planner holds v_k; its action values are Zhao's q_k table.
            PlanningResult atK = new ValueIteration(GAMMA, 1e-10).withMaxIterations(k).solve(GRID_2X2);
            assertEquals(k, atK.iterations());
            assertFalse(atK.converged());
            double[] table = Reference.grid(step.get("q_table_rows_s1..s4_cols_a1..a5"));
            assertArrayEquals(table, atK.actionValues().toArray(), EXACT, "q_" + k);
            PlanningResult next = new ValueIteration(GAMMA, 1e-10).withMaxIterations(k + 1).solve(GRID_2X2);
            assertArrayEquals(Reference.vector(step.get("v_next")), next.stateValues().toArray(), EXACT, "v_" + (k + 1));
        }
        PlanningResult optimal = new ValueIteration(GAMMA, 1e-12).solve(GRID_2X2);
        assertTrue(optimal.converged());
        assertArrayEquals(Reference.vector(EXAMPLES.at("/grid_2x2/optimal_v")), optimal.stateValues().toArray(), 1e-10);
    }

    @Test
    void fig3_5DetourPoliciesHaveTheBooksValues() {
        GridWorld world = GridWorld.builder("..\n.T").build();
        JsonNode example = EXAMPLES.get("fig3_5_p52_detours");
        assertArrayEquals(Reference.vector(example.get("policy_a_s2_down")),
                evaluateAllWays(world, TabularPolicy.deterministic(actions(DOWN, DOWN, RIGHT, STAY), 5)), EXACT);
        assertArrayEquals(Reference.vector(example.get("policy_b_s2_left_detour")),
                evaluateAllWays(world, TabularPolicy.deterministic(actions(DOWN, LEFT, RIGHT, STAY), 5)), EXACT);
    }

    @Test
    void slidesL3ValueIterationOnTheOneByThreeStrip() {
        GridWorld strip = GridWorld.builder(".T.").build();
        JsonNode example = EXAMPLES.get("L3_slides_1x3_value_iteration");
        int[] columns = {LEFT.ordinal(), STAY.ordinal(), RIGHT.ordinal()};
        for (JsonNode step : example.get("iterates")) {
            int k = step.get("k").asInt();
            double[] q = new ValueIteration(GAMMA, 1e-10).withMaxIterations(k).solve(strip).actionValues().toArray();
            JsonNode rows = step.get("q_rows_s1..s3_cols_left_stay_right");
            for (int s = 0; s < 3; s++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(rows.get(s).get(c).asDouble(), q[s * 5 + columns[c]], EXACT, "q_" + k + "(s" + (s + 1) + ")");
                }
            }
        }
        assertArrayEquals(Reference.vector(example.get("v1")),
                new ValueIteration(GAMMA, 1e-10).withMaxIterations(1).solve(strip).stateValues().toArray(), EXACT);
        assertArrayEquals(Reference.vector(example.get("v_star")),
                new ValueIteration(GAMMA, 1e-12).solve(strip).stateValues().toArray(), 1e-10);
    }

    @Test
    void table4_5PolicyIterationOnTheOneByTwoStrip() {
        GridWorld strip = GridWorld.builder(".T").build();
        JsonNode example = EXAMPLES.get("fig4_3_table4_5_p67_68_policy_iteration_1x2");
        TabularPolicy pi0 = TabularPolicy.deterministic(actions(LEFT, LEFT), 5);

        assertArrayEquals(Reference.vector(example.get("v_pi0")), evaluateAllWays(strip, pi0), EXACT);
        JsonNode iterates = example.get("iterative_evaluation_v1_v2_v3");
        for (int k = 1; k <= 3; k++) {
            double[] vk = new PolicyEvaluation(GAMMA, 1e-12, PolicyEvaluation.Method.TWO_ARRAY).withMaxSweeps(k)
                    .evaluate(strip, pi0).stateValues().toArray();
            assertArrayEquals(Reference.vector(iterates.get(k - 1)), vk, EXACT, "v_" + k);
        }

        // One improvement step: the values are v_pi0, whose greedy policy is pi1 = (right, stay).
        PlanningResult first = new PolicyIteration(GAMMA, 1e-12).withInitialPolicy(pi0).withMaxIterations(1).solve(strip);
        assertArrayEquals(Reference.vector(example.get("v_pi0")), first.stateValues().toArray(), 1e-9);
        JsonNode qRows = example.get("q_pi0_rows_s1_s2_cols_left_stay_right");
        int[] columns = {LEFT.ordinal(), STAY.ordinal(), RIGHT.ordinal()};
        for (int s = 0; s < 2; s++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(qRows.get(s).get(c).asDouble(), first.actionValues().value(s, columns[c]), 1e-9);
            }
        }
        assertEquals(RIGHT.ordinal(), first.policy().mostProbableAction(0));
        assertEquals(STAY.ordinal(), first.policy().mostProbableAction(1));

        PlanningResult solved = new PolicyIteration(GAMMA, 1e-12).withInitialPolicy(pi0).solve(strip);
        assertTrue(solved.converged());
        assertEquals(2, solved.iterations(), "pi1 is optimal, so the second improvement step changes nothing");
        assertArrayEquals(new double[]{10, 10}, solved.stateValues().toArray(), 1e-9);
    }

    @Test
    void slidesL1ThreeByThreeOptimalValues() {
        GridWorld world = GridWorld.builder("...\n..#\n#.T").build();
        double[] expected = Reference.grid(EXAMPLES.at("/L1_slides_3x3_reward_table/v_star_gamma_0.9"));
        assertArrayEquals(expected, new ValueIteration(GAMMA, 1e-12).solve(world).stateValues().toArray(), 1e-9);
        assertArrayEquals(expected, new PolicyIteration(GAMMA, 1e-12).solve(world).stateValues().toArray(), 1e-9);
    }
}
