package dev.bellman.env.grid;

import dev.bellman.core.TabularModel;
import dev.bellman.core.Transition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The grid world against the numbers of Zhao, Mathematical Foundations of Reinforcement Learning.
 * Every table below is transcribed from /work/shared/reference/books/zhao_small_examples.json
 * (source: github.com/MathFoundationRL/Book-Mathematical-Foundation-of-Reinforcement-Learning,
 * commit e9c8879fc4a3fdd18eeef793bac4ba7558ca175b); the book indexes states s1..s9 from 1 and
 * orders actions a1..a5 = up, right, down, left, stay, as {@link GridAction} does.
 */
class ZhaoGridWorldSemanticsTest {

    /** Book 3x3 world: forbidden s6 = (2,3), s7 = (3,1); target s9 = (3,3) (1-based row, col). */
    private static final String MAP_3X3 = "...\n..#\n#.T";

    /** "L1_slides_3x3_reward_table" / reward_table_rows_s1..s9_cols_a1..a5 (L1 slides 8 and 16). */
    private static final double[][] REWARDS_3X3 = {
            {-1, 0, 0, -1, 0},
            {-1, 0, 0, 0, 0},
            {-1, -1, -1, 0, 0},
            {0, 0, -1, -1, 0},
            {0, -1, 0, 0, 0},
            {0, -1, 1, 0, -1},
            {0, 0, -1, -1, -1},
            {0, 1, -1, -1, 0},
            {-1, -1, -1, 0, 1},
    };

    /** "L1_slides_3x3_reward_table" / next_state_table_rows_s1..s9_cols_a1..a5, 1-based states. */
    private static final int[][] NEXT_STATES_3X3 = {
            {1, 2, 4, 1, 1},
            {2, 3, 5, 1, 2},
            {3, 3, 6, 2, 3},
            {1, 5, 7, 4, 4},
            {2, 6, 8, 4, 5},
            {3, 6, 9, 5, 6},
            {4, 8, 7, 7, 7},
            {5, 9, 8, 7, 8},
            {6, 9, 9, 8, 9},
    };

    /** "L1_slides_3x3_reward_table" / v_star_gamma_0.9 (computed by the JSON's author, not printed). */
    private static final double[] OPTIMAL_VALUES_3X3 = {7.29, 8.1, 8.0, 8.1, 9.0, 10.0, 9.0, 10.0, 10.0};

    /** Book 2x2 world: s2 = (1,2) forbidden, s4 = (2,2) target. */
    private static final String MAP_2X2 = ".#\n.T";

    /** "grid_2x2" / fig4_2_tables4_2_4_3 k = 0: q from v0 = 0 (Table 4.2). */
    private static final double[][] Q0_2X2 = {
            {-1, -1, 0, -1, 0},
            {-1, -1, 1, 0, -1},
            {0, 1, -1, -1, 0},
            {-1, -1, -1, 0, 1},
    };

    /** "grid_2x2" / fig4_2_tables4_2_4_3 k = 1: q from v1 = (0, 1, 1, 1) (Table 4.3). */
    private static final double[][] Q1_2X2 = {
            {-1, -0.1, 0.9, -1, 0},
            {-0.1, -0.1, 1.9, 0, -0.1},
            {0, 1.9, -0.1, -0.1, 0.9},
            {-0.1, -0.1, -0.1, 0.9, 1.9},
    };

    private static final double GAMMA = 0.9;
    private static final double TOLERANCE = 1e-9;

    private static Transition onlyOutcome(GridWorld world, int state, int action) {
        List<Transition> outcomes = world.transitions(state, action);
        assertEquals(1, outcomes.size(), "deterministic world: one outcome for (" + state + ", " + action + ")");
        assertEquals(1.0, outcomes.get(0).probability(), 0.0);
        return outcomes.get(0);
    }

    @Test
    void threeByThreeWorldReproducesSlideRewardAndNextStateTables() {
        GridWorld world = GridWorld.builder(MAP_3X3).build();

        assertEquals(9, world.stateCount());
        assertEquals(5, world.actionCount());
        for (int s = 0; s < 9; s++) {
            for (int a = 0; a < 5; a++) {
                Transition t = onlyOutcome(world, s, a);
                String where = "s" + (s + 1) + " " + GridAction.values()[a];
                assertEquals(NEXT_STATES_3X3[s][a] - 1, t.nextState(), where);
                assertEquals(REWARDS_3X3[s][a], t.reward(), 0.0, where);
            }
        }
    }

    @Test
    void threeByThreeMapPutsForbiddenAndTargetCellsWhereTheBookDoes() {
        GridWorld world = GridWorld.builder(MAP_3X3).build();

        assertEquals(CellType.FORBIDDEN, world.cell(5));
        assertEquals(CellType.FORBIDDEN, world.cell(6));
        assertEquals(CellType.TARGET, world.cell(8));
        assertEquals(5, world.state(1, 2));
        assertEquals(2, world.row(8));
        assertEquals(2, world.col(8));
        for (int s = 0; s < 9; s++) {
            assertFalse(world.isTerminal(s), "continuing task: no state is terminal");
        }
    }

    @Test
    void environmentStepsAgreeWithSlideTables() {
        GridWorld world = GridWorld.builder(MAP_3X3).build();
        // Without 'S' every episode starts at a random non-terminal cell: reset until each cell has
        // been a start, and step every action from it.
        boolean[][] checked = new boolean[9][5];
        int remaining = 45;
        world.reset(1);
        for (int episode = 0; episode < 10_000 && remaining > 0; episode++) {
            int s = world.reset();
            for (int a = 0; a < 5; a++) {
                if (checked[s][a]) {
                    continue;
                }
                var step = world.step(a);
                assertEquals(NEXT_STATES_3X3[s][a] - 1, step.observation(), "s" + (s + 1) + " a" + (a + 1));
                assertEquals(REWARDS_3X3[s][a], step.reward(), 0.0, "s" + (s + 1) + " a" + (a + 1));
                assertFalse(step.terminated());
                checked[s][a] = true;
                remaining--;
                break;
            }
        }
        assertEquals(0, remaining, "every (state, action) pair was stepped");
    }

    @Test
    void threeByThreeOptimalValuesFollowFromBackups() {
        TabularModel model = TabularModel.of(GridWorld.builder(MAP_3X3).build());

        double[] v = valueIteration(model, GAMMA);

        for (int s = 0; s < 9; s++) {
            assertEquals(OPTIMAL_VALUES_3X3[s], v[s], TOLERANCE, "v*(s" + (s + 1) + ")");
        }
    }

    @Test
    void twoByTwoBackupsReproduceValueIterationTables() {
        TabularModel model = TabularModel.of(GridWorld.builder(MAP_2X2).build());
        double[] v0 = {0, 0, 0, 0};
        double[] v1 = {0, 1, 1, 1};

        for (int s = 0; s < 4; s++) {
            for (int a = 0; a < 5; a++) {
                assertEquals(Q0_2X2[s][a], model.backup(s, a, GAMMA, v0), TOLERANCE, "q0(s" + (s + 1) + ", a" + (a + 1) + ")");
                assertEquals(Q1_2X2[s][a], model.backup(s, a, GAMMA, v1), TOLERANCE, "q1(s" + (s + 1) + ", a" + (a + 1) + ")");
            }
        }
    }

    @Test
    void twoByTwoActionValuesOfFigure3_2() {
        // "grid_2x2" / fig3_2_p36_37: v = (8, 10, 10, 10) gives q(s1, a1..a5) = (6.2, 8, 9, 6.2, 7.2).
        TabularModel model = TabularModel.of(GridWorld.builder(MAP_2X2).build());
        double[] v = {8, 10, 10, 10};
        double[] expected = {6.2, 8, 9, 6.2, 7.2};

        for (int a = 0; a < 5; a++) {
            assertEquals(expected[a], model.backup(0, a, GAMMA, v), TOLERANCE, "q(s1, a" + (a + 1) + ")");
        }
    }

    @Test
    void twoByTwoOptimalValues() {
        // "grid_2x2" / optimal_v
        double[] v = valueIteration(TabularModel.of(GridWorld.builder(MAP_2X2).build()), GAMMA);

        assertEquals(9.0, v[0], TOLERANCE);
        assertEquals(10.0, v[1], TOLERANCE);
        assertEquals(10.0, v[2], TOLERANCE);
        assertEquals(10.0, v[3], TOLERANCE);
    }

    @Test
    void oneByThreeStripReproducesSlideQTables() {
        // "L3_slides_1x3_value_iteration": columns (left, stay, right); up and down bump in a 1-row world.
        TabularModel model = TabularModel.of(GridWorld.builder(".T.").build());
        int[] columns = {GridAction.LEFT.ordinal(), GridAction.STAY.ordinal(), GridAction.RIGHT.ordinal()};
        double[][] q0 = {{-1, 0, 1}, {0, 1, 0}, {1, 0, -1}};
        double[][] q1 = {{-0.1, 0.9, 1.9}, {0.9, 1.9, 0.9}, {1.9, 0.9, -0.1}};

        for (int s = 0; s < 3; s++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(q0[s][c], model.backup(s, columns[c], GAMMA, new double[] {0, 0, 0}), TOLERANCE);
                assertEquals(q1[s][c], model.backup(s, columns[c], GAMMA, new double[] {1, 1, 1}), TOLERANCE);
            }
            assertEquals(-1.0, model.expectedReward(s, GridAction.UP.ordinal()), 0.0);
            assertEquals(-1.0, model.expectedReward(s, GridAction.DOWN.ordinal()), 0.0);
        }
    }

    @Test
    void oneByTwoStripReproducesTable4_5() {
        // "fig4_3_table4_5_p67_68_policy_iteration_1x2": q_pi0 from v_pi0 = (-10, -9), columns (left, stay, right).
        TabularModel model = TabularModel.of(GridWorld.builder(".T").build());
        int[] columns = {GridAction.LEFT.ordinal(), GridAction.STAY.ordinal(), GridAction.RIGHT.ordinal()};
        double[][] expected = {{-10, -9, -7.1}, {-9, -7.1, -9.1}};
        double[] v = {-10, -9};

        for (int s = 0; s < 2; s++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[s][c], model.backup(s, columns[c], GAMMA, v), TOLERANCE);
            }
        }
    }

    @Test
    void forbiddenBumpSumAddsForbiddenPenaltyToBoundaryBump() {
        // Zhao Figs. 5.6/5.7 need r_boundary + r_forbidden for a bump from a forbidden cell.
        GridWorld world = GridWorld.builder(MAP_3X3).rewardForbidden(-10).forbiddenBump(ForbiddenBump.SUM).build();
        int s7 = world.state(2, 0);
        int s6 = world.state(1, 2);

        assertEquals(-11.0, onlyOutcome(world, s7, GridAction.DOWN.ordinal()).reward(), 0.0);
        assertEquals(-11.0, onlyOutcome(world, s7, GridAction.LEFT.ordinal()).reward(), 0.0);
        assertEquals(s7, onlyOutcome(world, s7, GridAction.LEFT.ordinal()).nextState());
        assertEquals(-11.0, onlyOutcome(world, s6, GridAction.RIGHT.ordinal()).reward(), 0.0);
        // staying is not a bump: r_forbidden only
        assertEquals(-10.0, onlyOutcome(world, s7, GridAction.STAY.ordinal()).reward(), 0.0);
        // a bump from an ordinary cell is r_boundary only
        assertEquals(-1.0, onlyOutcome(world, 0, GridAction.UP.ordinal()).reward(), 0.0);
        // leaving the forbidden cell to an ordinary one is r_other
        assertEquals(0.0, onlyOutcome(world, s7, GridAction.UP.ordinal()).reward(), 0.0);
    }

    @Test
    void forbiddenBumpBoundaryIsTheDefault() {
        GridWorld world = GridWorld.builder(MAP_3X3).rewardForbidden(-10).build();

        assertEquals(-1.0, onlyOutcome(world, world.state(2, 0), GridAction.DOWN.ordinal()).reward(), 0.0);
        assertEquals(-10.0, onlyOutcome(world, world.state(2, 1), GridAction.LEFT.ordinal()).reward(), 0.0);
    }

    @Test
    void stayingOnContinuingTargetEarnsTargetRewardEveryStep() {
        GridWorld world = GridWorld.builder("ST").rewardTarget(5).build();
        world.reset(3);

        var enter = world.step(GridAction.RIGHT.ordinal());
        assertEquals(1, enter.observation());
        assertEquals(5.0, enter.reward(), 0.0);
        assertFalse(enter.done());
        for (int i = 0; i < 20; i++) {
            var stay = world.step(GridAction.STAY.ordinal());
            assertEquals(1, stay.observation());
            assertEquals(5.0, stay.reward(), 0.0);
            assertFalse(stay.terminated());
            assertFalse(stay.truncated());
        }
        var leave = world.step(GridAction.LEFT.ordinal());
        assertEquals(0, leave.observation());
        assertEquals(0.0, leave.reward(), 0.0);
    }

    @Test
    void customRewardsApplyToEveryKindOfMove() {
        GridWorld world = GridWorld.builder(".#\n.T")
                .rewardBoundary(-2).rewardForbidden(-3).rewardTarget(7).rewardStep(-0.5).build();

        assertEquals(-2.0, onlyOutcome(world, 0, GridAction.UP.ordinal()).reward(), 0.0);
        assertEquals(-3.0, onlyOutcome(world, 0, GridAction.RIGHT.ordinal()).reward(), 0.0);
        assertEquals(-0.5, onlyOutcome(world, 0, GridAction.DOWN.ordinal()).reward(), 0.0);
        assertEquals(-0.5, onlyOutcome(world, 0, GridAction.STAY.ordinal()).reward(), 0.0);
        assertEquals(7.0, onlyOutcome(world, 2, GridAction.RIGHT.ordinal()).reward(), 0.0);
        assertEquals(-3.0, onlyOutcome(world, 1, GridAction.STAY.ordinal()).reward(), 0.0);
    }

    /** Value iteration by repeated backups; 600 sweeps leave an error below 0.9^600 * 10 ~ 1e-26. */
    private static double[] valueIteration(TabularModel model, double gamma) {
        double[] v = new double[model.stateCount()];
        for (int sweep = 0; sweep < 600; sweep++) {
            double[] next = new double[v.length];
            for (int s = 0; s < v.length; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < model.actionCount(); a++) {
                    best = Math.max(best, model.backup(s, a, gamma, v));
                }
                next[s] = best;
            }
            v = next;
        }
        return v;
    }
}
