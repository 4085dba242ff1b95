package dev.bellman.tabular.dp;

import dev.bellman.core.FiniteMdp;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.Transition;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad settings and models are rejected with messages that name the value and what was expected. */
class PlannerInputTest {

    private static String messageOf(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void gammaOutsideTheUnitIntervalIsRejected() {
        assertTrue(messageOf(() -> new ValueIteration(1.5, 1e-6)).contains("gamma 1.5 is outside [0, 1]"));
        assertTrue(messageOf(() -> new PolicyIteration(-0.1, 1e-6)).contains("gamma -0.1"));
        assertTrue(messageOf(() -> new TruncatedPolicyIteration(Double.NaN, 1e-6, 2)).contains("gamma NaN"));
        assertTrue(messageOf(() -> new PolicyEvaluation(2, 1e-6, PolicyEvaluation.Method.EXACT)).contains("gamma 2.0"));
    }

    @Test
    void nonPositiveToleranceIsRejected() {
        assertTrue(messageOf(() -> new ValueIteration(0.9, -1e-3)).contains("tolerance -0.001"));
        assertTrue(messageOf(() -> new PolicyIteration(0.9, 0)).contains("tolerance 0.0"));
        assertTrue(messageOf(() -> new TruncatedPolicyIteration(0.9, 1e-6, 0)).contains("evaluationSweeps 0"));
    }

    @Test
    void undiscountedPlanningNeedsEveryStateToReachATerminalState() {
        GridWorld continuing = GridWorldPreset.ZHAO_5X5.build();
        String message = messageOf(() -> new ValueIteration(1.0, 1e-6).solve(continuing));
        assertTrue(message.contains("gamma = 1") && message.contains("state 0 cannot"), message);
    }

    @Test
    void undiscountedEvaluationNeedsThePolicyToReachATerminalState() {
        GridWorld world = GridWorldPreset.SUTTON_BARTO_4_1.build();
        // Always UP: the top row bumps forever and never reaches a corner.
        TabularPolicy up = TabularPolicy.deterministic(new int[16], 4);
        String message = messageOf(() -> new PolicyEvaluation(1.0, 1e-6, PolicyEvaluation.Method.TWO_ARRAY).evaluate(world, up));
        assertTrue(message.contains("under the policy") && message.contains("state 1 cannot"), message);
    }

    @Test
    void policyThatDoesNotFitTheModelIsRejected() {
        GridWorld world = GridWorldPreset.ZHAO_5X5.build();
        String message = messageOf(() -> new PolicyEvaluation(0.9, 1e-6, PolicyEvaluation.Method.TWO_ARRAY)
                .evaluate(world, TabularPolicy.uniform(24, 5)));
        assertTrue(message.contains("24 states") && message.contains("25 states"), message);
    }

    @Test
    void probabilitiesThatDoNotSumToOneNameTheStateAndAction() {
        FiniteMdp broken = new FiniteMdp() {
            @Override
            public int stateCount() {
                return 3;
            }

            @Override
            public int actionCount() {
                return 2;
            }

            @Override
            public List<Transition> transitions(int state, int action) {
                double p = state == 2 && action == 1 ? 0.45 : 0.5;
                return List.of(new Transition(0, 0.5, 0), new Transition(1, p, 0));
            }
        };
        String message = messageOf(() -> new ValueIteration(0.9, 1e-6).solve(broken));
        assertTrue(message.contains("state 2, action 1") && message.contains("sum to 0.95"), message);
    }

    @Test
    void wrongInitialValuesAreRejected() {
        GridWorld world = GridWorldPreset.ZHAO_5X5.build();
        assertTrue(messageOf(() -> new ValueIteration(0.9, 1e-6).withInitialValues(new double[3]).solve(world))
                .contains("length 3"));
        double[] nan = new double[25];
        nan[7] = Double.NaN;
        assertTrue(messageOf(() -> new ValueIteration(0.9, 1e-6).withInitialValues(nan).solve(world))
                .contains("state 7 is NaN"));
        assertTrue(messageOf(() -> new ValueIteration(0.9, 1e-6).withMaxIterations(-1)).contains("maxIterations -1"));
    }

    @Test
    void iterationLimitIsReportedAsNotConverged() {
        PlanningResult result = new ValueIteration(0.9, 1e-10).withMaxIterations(3).solve(GridWorldPreset.ZHAO_5X5.build());
        assertFalse(result.converged());
        assertEquals(3, result.iterations());
        assertEquals(3, result.residuals().length);
    }
}
