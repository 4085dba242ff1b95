package dev.bellman.tabular.dp;

import dev.bellman.core.FiniteMdp;
import dev.bellman.core.TabularModel;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.Transition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariants of the planners on random MDPs: value iteration reaches a fixed point of the Bellman
 * optimality equation; policy iteration and truncated policy iteration reach the same one; the
 * greedy policy of v* is optimal; exact and iterative evaluation agree.
 */
class PlannerPropertiesTest {

    private static final double TOLERANCE = 1e-10;

    /** A random MDP: up to 8 states, up to 4 actions, up to 3 outcomes per pair, rewards in [-1, 1]. */
    record RandomMdp(long seed, int states, int actions) implements FiniteMdp {
        @Override
        public int stateCount() {
            return states;
        }

        @Override
        public int actionCount() {
            return actions;
        }

        @Override
        public List<Transition> transitions(int state, int action) {
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + state * 31L + action);
            int outcomes = 1 + rng.nextInt(3);
            double[] weights = new double[outcomes];
            double total = 0;
            for (int i = 0; i < outcomes; i++) {
                weights[i] = 0.05 + rng.nextDouble();
                total += weights[i];
            }
            List<Transition> list = new ArrayList<>();
            for (int i = 0; i < outcomes; i++) {
                list.add(new Transition(rng.nextInt(states), weights[i] / total, 2 * rng.nextDouble() - 1));
            }
            return list;
        }
    }

    @Provide
    Arbitrary<RandomMdp> mdps() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 4))
                .as(RandomMdp::new);
    }

    @Provide
    Arbitrary<Double> gammas() {
        return Arbitraries.of(0.0, 0.5, 0.9, 0.95);
    }

    @Property(tries = 200)
    void valueIterationReachesTheBellmanOptimalityFixedPoint(@ForAll("mdps") RandomMdp mdp, @ForAll("gammas") double gamma) {
        PlanningResult result = new ValueIteration(gamma, TOLERANCE).solve(mdp);
        TabularModel model = TabularModel.of(mdp);
        double residual = BellmanOperator.optimalityResidual(model, gamma, result.stateValues().toArray());
        assertTrue(result.converged());
        assertTrue(residual < TOLERANCE, "Bellman residual " + residual);
    }

    @Property(tries = 200)
    void allPlannersAgreeAndTheGreedyPolicyIsOptimal(@ForAll("mdps") RandomMdp mdp, @ForAll("gammas") double gamma) {
        // ||v - v*|| <= gamma/(1-gamma) * tolerance for value iteration: 1e-10 * 19 at most here.
        double agreement = 1e-8;
        double[] valueIteration = new ValueIteration(gamma, TOLERANCE).solve(mdp).stateValues().toArray();
        PlanningResult policyIteration = new PolicyIteration(gamma, TOLERANCE).solve(mdp);
        double[] truncated = new TruncatedPolicyIteration(gamma, TOLERANCE, 4).solve(mdp).stateValues().toArray();
        assertArrayEquals(valueIteration, policyIteration.stateValues().toArray(), agreement);
        assertArrayEquals(valueIteration, truncated, agreement);

        TabularPolicy greedy = new ValueIteration(gamma, TOLERANCE).solve(mdp).policy();
        double[] greedyValues = new PolicyEvaluation(gamma, TOLERANCE, PolicyEvaluation.Method.EXACT)
                .evaluate(mdp, greedy).stateValues().toArray();
        assertArrayEquals(valueIteration, greedyValues, agreement);
    }

    @Property(tries = 200)
    void exactAndIterativeEvaluationAgree(@ForAll("mdps") RandomMdp mdp, @ForAll("gammas") double gamma,
                                          @ForAll long policySeed) {
        SplittableRandom rng = new SplittableRandom(policySeed);
        double[][] table = new double[mdp.states()][mdp.actions()];
        for (double[] row : table) {
            double total = 0;
            for (int a = 0; a < row.length; a++) {
                row[a] = rng.nextDouble();
                total += row[a];
            }
            for (int a = 0; a < row.length; a++) {
                row[a] /= total;
            }
        }
        TabularPolicy policy = TabularPolicy.of(table);
        double[] exact = new PolicyEvaluation(gamma, TOLERANCE, PolicyEvaluation.Method.EXACT).evaluate(mdp, policy)
                .stateValues().toArray();
        for (PolicyEvaluation.Method method : new PolicyEvaluation.Method[]{PolicyEvaluation.Method.TWO_ARRAY,
                PolicyEvaluation.Method.IN_PLACE}) {
            double[] iterative = new PolicyEvaluation(gamma, TOLERANCE, method).evaluate(mdp, policy).stateValues().toArray();
            assertArrayEquals(exact, iterative, 1e-8, method.name());
        }
    }
}
