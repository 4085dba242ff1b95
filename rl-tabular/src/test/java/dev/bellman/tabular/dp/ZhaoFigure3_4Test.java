package dev.bellman.tabular.dp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bellman.env.grid.GridAction;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.GridWorldPreset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zhao Fig. 3.4 ({@code zhao_fig3_4_optimal_values.json}): the optimal state values of the 5×5 world
 * for γ = 0.9, γ = 0.5, γ = 0 and r_forbidden = −10, to 1e-4, by value iteration, policy iteration
 * and truncated policy iteration; the greedy action of every cell is one of the book's optimal actions.
 */
class ZhaoFigure3_4Test {

    private static final double TOLERANCE = 1e-4;

    private static final Map<String, BiFunction<Double, GridWorld, PlanningResult>> PLANNERS = Map.of(
            "value-iteration", (gamma, world) -> new ValueIteration(gamma, 1e-10).solve(world),
            "policy-iteration", (gamma, world) -> new PolicyIteration(gamma, 1e-10).solve(world),
            "truncated-policy-iteration", (gamma, world) -> new TruncatedPolicyIteration(gamma, 1e-10, 5).solve(world));

    static List<Arguments> cases() {
        JsonNode cases = Reference.load("zhao_fig3_4_optimal_values.json").get("cases");
        List<Arguments> out = new ArrayList<>();
        for (Iterator<String> names = cases.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            for (String planner : new String[]{"value-iteration", "policy-iteration", "truncated-policy-iteration"}) {
                out.add(Arguments.of(name, planner, cases.get(name)));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("cases")
    void optimalValuesMatchTheBook(String name, String planner, JsonNode figure) {
        JsonNode rewards = figure.get("rewards");
        GridWorld world = GridWorldPreset.ZHAO_5X5.builder()
                .rewardBoundary(rewards.get("r_boundary").asDouble())
                .rewardForbidden(rewards.get("r_forbidden").asDouble())
                .rewardTarget(rewards.get("r_target").asDouble())
                .rewardStep(rewards.get("r_other").asDouble())
                .build();
        double gamma = figure.get("gamma").asDouble();
        PlanningResult result = PLANNERS.get(planner).apply(gamma, world);

        assertTrue(result.converged());
        assertArrayEquals(Reference.grid(figure.get("expected_optimal_values")), result.stateValues().toArray(), TOLERANCE);
        JsonNode optimalActions = figure.get("all_greedy_optimal_actions");
        for (int s = 0; s < world.stateCount(); s++) {
            String allowed = optimalActions.get(world.row(s)).get(world.col(s)).asText();
            char chosen = GridAction.values()[result.policy().mostProbableAction(s)].letter();
            assertTrue(allowed.indexOf(chosen) >= 0,
                    "cell " + world.row(s) + "," + world.col(s) + ": greedy " + chosen + " not among optimal " + allowed);
        }
    }
}
