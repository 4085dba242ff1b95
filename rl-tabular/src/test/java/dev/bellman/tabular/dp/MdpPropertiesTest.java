package dev.bellman.tabular.dp;

import dev.bellman.core.CompactModel;
import dev.bellman.core.FiniteMdp;
import dev.bellman.core.TabularActionValues;
import dev.bellman.core.TabularModel;
import dev.bellman.core.Transition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input for the planners: random valid finite MDPs (1–12 states, 1–4 actions, 1–4 outcomes
 * per pair, rewards in [−10, 10], some terminal states, γ in [0, 0.95]) validate and plan to the
 * fixed point of the Bellman optimality equation, every planner agreeing within its error bound;
 * the same MDPs with one pair corrupted are rejected with a message naming that pair.
 *
 * <p>Tolerances, derived rather than chosen (τ = {@value #TOLERANCE}, γ ≤ 0.95):
 * <ul>
 *   <li>Value iteration stops after a sweep {@code v = T v'} with {@code ‖v − v'‖ < τ}, so
 *       {@code ‖T v − v‖ ≤ γ ‖v − v'‖ < γτ} (its class comment), and by the contraction
 *       {@code ‖v − v*‖ ≤ γτ / (1 − γ)} ≤ 1.9e-9.</li>
 *   <li>Policy iteration stops at a policy whose action is within
 *       {@link TabularActionValues#TIE_TOLERANCE} of the best backup, after an evaluation whose
 *       last sweep changed no value by {@code τ(1 − γ)}: its residual is below
 *       {@code TIE_TOLERANCE + γτ(1 − γ)} and {@code ‖v − v*‖} below that over {@code 1 − γ}
 *       (≤ 2.0e-8).</li>
 *   <li>The large-model planners report {@link PlanningResult#errorBound()} from their final
 *       residual; they must agree with value iteration within the sum of the two bounds, and each
 *       bound must be within what its stopping rule promises.</li>
 *   <li>Every value is at most {@code 10 / (1 − γ) = 200} in magnitude, so floating-point rounding
 *       in a backup and in the error bounds stays below {@value #ROUNDING} (about 350 ulps of 200).</li>
 * </ul>
 */
class MdpPropertiesTest {

    /** The planners' stopping tolerance. */
    private static final double TOLERANCE = 1e-10;
    /** Slack for floating-point rounding in backups of values up to 200 and in the error bounds. */
    private static final double ROUNDING = 1e-11;

    /** A finite MDP given by its outcome lists, pair {@code (s, a)} at index {@code s·A + a}; no validation. */
    record ListedMdp(int states, int actions, List<List<Transition>> rows, List<Boolean> terminal)
            implements FiniteMdp {
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
            return rows.get(state * actions + action);
        }

        @Override
        public boolean isTerminal(int state) {
            return terminal.get(state);
        }

        /** A copy in which pair {@code pair} has the outcomes {@code outcomes}. */
        ListedMdp withRow(int pair, List<Transition> outcomes) {
            List<List<Transition>> copy = new ArrayList<>(rows);
            copy.set(pair, outcomes);
            return new ListedMdp(states, actions, copy, terminal);
        }
    }

    /** An outcome before normalisation: the weights of a pair become its probabilities. */
    record RawOutcome(int nextState, double weight, double reward) {
    }

    @Provide
    Arbitrary<ListedMdp> mdps() {
        return Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 4))
                .flatAs((states, actions) -> {
                    // About one outcome in eight has probability 0: legal, and a corner of the backups.
                    Arbitrary<Double> weight = Arbitraries.frequencyOf(
                            Tuple.of(1, Arbitraries.just(0.0)),
                            Tuple.of(7, Arbitraries.doubles().between(0.001, 1.0).ofScale(6)));
                    Arbitrary<RawOutcome> outcome = Combinators.combine(
                            Arbitraries.integers().between(0, states - 1),
                            weight,
                            Arbitraries.doubles().between(-10, 10).ofScale(6)).as(RawOutcome::new);
                    return Combinators.combine(
                            outcome.list().ofMinSize(1).ofMaxSize(4).list().ofSize(states * actions),
                            Arbitraries.of(true, false, false, false).list().ofSize(states))
                            .as((raw, terminal) -> new ListedMdp(states, actions, normalised(raw), terminal));
                });
    }

    private static List<List<Transition>> normalised(List<List<RawOutcome>> raw) {
        List<List<Transition>> rows = new ArrayList<>();
        for (List<RawOutcome> row : raw) {
            double total = 0;
            for (RawOutcome o : row) {
                total += o.weight();
            }
            List<Transition> outcomes = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                RawOutcome o = row.get(i);
                // All weights 0: the first outcome takes all the probability.
                double p = total == 0 ? (i == 0 ? 1.0 : 0.0) : o.weight() / total;
                outcomes.add(new Transition(o.nextState(), p, o.reward()));
            }
            rows.add(outcomes);
        }
        return rows;
    }

    @Provide
    Arbitrary<Double> gammas() {
        return Arbitraries.doubles().between(0, 0.95).ofScale(4);
    }

    @Property(tries = 300)
    void validModelsCompileToTabularAndCompactModels(@ForAll("mdps") ListedMdp mdp) {
        TabularModel tabular = TabularModel.of(mdp);
        assertEquals(mdp.stateCount(), tabular.stateCount());
        assertEquals(mdp.actionCount(), tabular.actionCount());
        for (CompactModel.Precision precision : CompactModel.Precision.values()) {
            CompactModel compact = CompactModel.of(mdp, precision);
            for (int s = 0; s < mdp.stateCount(); s++) {
                assertEquals(mdp.isTerminal(s), tabular.isTerminal(s));
                assertEquals(mdp.isTerminal(s), compact.isTerminal(s));
                for (int a = 0; a < mdp.actionCount(); a++) {
                    assertEquals(mdp.transitions(s, a), tabular.transitions(s, a));
                    if (precision == CompactModel.Precision.DOUBLE) {
                        assertEquals(tabular.expectedReward(s, a), compact.reward(s, a), 0.0);
                    }
                }
            }
        }
    }

    @Property(tries = 300)
    void largeModelPlannersAgreeWithinTheirErrorBounds(@ForAll("mdps") ListedMdp mdp,
                                                       @ForAll("gammas") double gamma) {
        PlanningResult reference = new ValueIteration(gamma, TOLERANCE).solve(mdp);
        PlanningResult[] results = {
                new InPlaceValueIteration(gamma, TOLERANCE).solve(mdp),
                new ModifiedPolicyIteration(gamma, TOLERANCE).solve(mdp),
                new PrioritizedSweeping(gamma, TOLERANCE).solve(mdp)};
        String[] names = {"in-place value iteration", "modified policy iteration", "prioritized sweeping"};
        // What each stopping rule guarantees: an in-place sweep (the last improvement sweep of
        // modified policy iteration too) that changed no value by tau leaves a residual below
        // gamma * tau; prioritized sweeping stops when every residual is below tau.
        double[] promised = {gamma * TOLERANCE / (1 - gamma), gamma * TOLERANCE / (1 - gamma), TOLERANCE / (1 - gamma)};

        for (int i = 0; i < results.length; i++) {
            assertTrue(results[i].converged(), names[i] + " did not converge");
            assertTrue(results[i].errorBound() <= promised[i] + ROUNDING,
                    names[i] + ": error bound " + results[i].errorBound() + " exceeds what its tolerance promises, "
                            + promised[i]);
            assertValuesAgree(reference, results[i], results[i].errorBound() + reference.errorBound() + ROUNDING,
                    names[i]);
        }
    }

    private static void assertValuesAgree(PlanningResult reference, PlanningResult other, double allowed, String name) {
        double[] expected = reference.stateValues().toArray();
        double[] actual = other.stateValues().toArray();
        for (int s = 0; s < expected.length; s++) {
            assertEquals(expected[s], actual[s], allowed, name + ": v(" + s + ") against value iteration's");
        }
    }

    /** {@code max_a sum_k p_k (r_k + gamma v(s'_k))}, from the source model's outcomes. */
    private static double optimalBackup(FiniteMdp mdp, int state, double gamma, double[] v) {
        double best = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < mdp.actionCount(); a++) {
            double q = 0;
            for (Transition t : mdp.transitions(state, a)) {
                q += t.probability() * (t.reward() + gamma * v[t.nextState()]);
            }
            best = Math.max(best, q);
        }
        return best;
    }

    /** The ways a single state-action pair is broken. */
    enum Corruption {
        NEGATIVE_PROBABILITY, PROBABILITIES_SUM_TO_1_1, NEXT_STATE_OUT_OF_RANGE, NAN_REWARD, NO_OUTCOMES
    }

    @Property(tries = 500)
    void aModelWithOneBrokenPairIsRejectedNamingThatPair(
            @ForAll("mdps") ListedMdp valid,
            @ForAll Corruption corruption,
            @ForAll @IntRange(min = 0, max = 1000) int pairPick,
            @ForAll @IntRange(min = 0, max = 3) int outcomePick,
            @ForAll @DoubleRange(min = 1e-6, max = 1) @Scale(6) double magnitude,
            @ForAll @IntRange(min = 0, max = 20) int offset) {
        int pair = pairPick % (valid.stateCount() * valid.actionCount());
        int state = pair / valid.actionCount();
        int action = pair % valid.actionCount();
        List<Transition> row = new ArrayList<>(valid.rows().get(pair));
        int k = outcomePick % row.size();
        Transition t = row.get(k);
        String expected;
        switch (corruption) {
            case NEGATIVE_PROBABILITY -> {
                row.set(k, new Transition(t.nextState(), -magnitude, t.reward()));
                expected = ": probability " + (-magnitude) + " of next state " + t.nextState()
                        + " is not a finite non-negative number";
            }
            case PROBABILITIES_SUM_TO_1_1 -> {
                row.replaceAll(o -> new Transition(o.nextState(), 1.1 * o.probability(), o.reward()));
                expected = ": probabilities sum to ";
            }
            case NEXT_STATE_OUT_OF_RANGE -> {
                // Half of the cases below 0, half at stateCount or above.
                int next = offset % 2 == 0 ? -1 - offset / 2 : valid.stateCount() + offset / 2;
                row.set(k, new Transition(next, t.probability(), t.reward()));
                expected = ": next state " + next + " is outside [0, " + (valid.stateCount() - 1) + "]";
            }
            case NAN_REWARD -> {
                row.set(k, new Transition(t.nextState(), t.probability(), Double.NaN));
                expected = ": reward NaN of next state " + t.nextState() + " is not finite";
            }
            case NO_OUTCOMES -> {
                row.clear();
                expected = " has no transitions";
            }
            default -> throw new IllegalStateException(corruption.name());
        }
        ListedMdp broken = valid.withRow(pair, row);
        String prefix = "state " + state + ", action " + action;

        List<IllegalArgumentException> errors = List.of(
                assertThrows(IllegalArgumentException.class, () -> TabularModel.of(broken)),
                assertThrows(IllegalArgumentException.class,
                        () -> CompactModel.of(broken, CompactModel.Precision.DOUBLE)),
                assertThrows(IllegalArgumentException.class,
                        () -> CompactModel.of(broken, CompactModel.Precision.FLOAT)));
        for (IllegalArgumentException e : errors) {
            String message = e.getMessage();
            assertTrue(message.startsWith(prefix + expected),
                    "expected \"" + prefix + expected + "…\", got: " + message);
            if (corruption == Corruption.PROBABILITIES_SUM_TO_1_1) {
                Matcher sum = Pattern.compile("sum to (\\S+);").matcher(message);
                assertTrue(sum.find(), message);
                assertEquals(1.1, Double.parseDouble(sum.group(1)), 1e-12, message);
            }
        }
    }
}
