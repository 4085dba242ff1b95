package dev.bellman.core;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of {@link TabularModel} over random valid MDPs of at most 6 states and 6 actions. */
class TabularModelPropertiesTest {

    /** An outcome before normalisation: the weight becomes a probability. */
    record RawOutcome(int nextState, double weight, double reward) {
    }

    @Provide
    Arbitrary<ListMdp> smallMdps() {
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, 6);
        return Combinators.combine(counts, counts).flatAs((states, actions) -> {
            Arbitrary<Double> weight = Arbitraries.frequencyOf(
                    Tuple.of(1, Arbitraries.just(0.0)),
                    Tuple.of(6, Arbitraries.doubles().between(0.001, 1.0).ofScale(6)));
            Arbitrary<RawOutcome> outcome = Combinators.combine(
                    Arbitraries.integers().between(0, states - 1),
                    weight,
                    Arbitraries.doubles().between(-10, 10).ofScale(6)).as(RawOutcome::new);
            return Combinators.combine(
                    outcome.list().ofMinSize(1).ofMaxSize(4).list().ofSize(states * actions),
                    Arbitraries.of(true, false, false).list().ofSize(states))
                    .as((rows, terminal) -> normalised(states, actions, rows, terminal));
        });
    }

    private static ListMdp normalised(int states, int actions, List<List<RawOutcome>> rows, List<Boolean> terminal) {
        List<List<Transition>> outcomes = new ArrayList<>();
        for (List<RawOutcome> row : rows) {
            double total = row.stream().mapToDouble(RawOutcome::weight).sum();
            List<Transition> list = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                RawOutcome raw = row.get(i);
                double p = total == 0 ? (i == 0 ? 1.0 : 0.0) : raw.weight() / total;
                list.add(new Transition(raw.nextState(), p, raw.reward()));
            }
            outcomes.add(list);
        }
        boolean[] flags = new boolean[states];
        for (int s = 0; s < states; s++) {
            flags[s] = terminal.get(s);
        }
        return new ListMdp(states, actions, outcomes, flags);
    }

    @Property(tries = 500)
    void validModelIsAcceptedAndExpectedRewardIsWeightedSum(@ForAll("smallMdps") ListMdp mdp) {
        TabularModel model = TabularModel.of(mdp);

        int outcomes = 0;
        for (int s = 0; s < mdp.stateCount(); s++) {
            assertEquals(mdp.isTerminal(s), model.isTerminal(s));
            for (int a = 0; a < mdp.actionCount(); a++) {
                double expected = 0;
                for (Transition t : mdp.transitions(s, a)) {
                    expected += t.probability() * t.reward();
                }
                assertEquals(expected, model.expectedReward(s, a), 1e-12, "r(" + s + ", " + a + ")");
                assertEquals(mdp.transitions(s, a), model.transitions(s, a));
                outcomes += mdp.transitions(s, a).size();
            }
        }
        assertEquals(outcomes, model.transitionCount());
    }

    @Property(tries = 300)
    void backupIsRewardPlusDiscountedExpectation(@ForAll("smallMdps") ListMdp mdp,
                                                 @ForAll @DoubleRange(min = 0, max = 1) double gamma,
                                                 @ForAll long seed) {
        TabularModel model = TabularModel.of(mdp);
        double[] v = new java.util.SplittableRandom(seed).doubles(mdp.stateCount(), -50, 50).toArray();

        for (int s = 0; s < mdp.stateCount(); s++) {
            for (int a = 0; a < mdp.actionCount(); a++) {
                double q = 0;
                for (Transition t : mdp.transitions(s, a)) {
                    q += t.probability() * (t.reward() + gamma * v[t.nextState()]);
                }
                assertEquals(q, model.backup(s, a, gamma, v), 1e-9);
            }
        }
    }

    @Property(tries = 300)
    void firstStateNotReachingTerminalAgreesWithForwardSearch(@ForAll("smallMdps") ListMdp mdp) {
        int n = mdp.stateCount();
        boolean[] reaches = new boolean[n];
        for (int s = 0; s < n; s++) {
            reaches[s] = mdp.isTerminal(s);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int s = 0; s < n; s++) {
                for (int a = 0; a < mdp.actionCount() && !reaches[s]; a++) {
                    for (Transition t : mdp.transitions(s, a)) {
                        if (t.probability() > 0 && reaches[t.nextState()]) {
                            reaches[s] = true;
                            changed = true;
                            break;
                        }
                    }
                }
            }
        }
        int expected = -1;
        for (int s = n - 1; s >= 0; s--) {
            expected = reaches[s] ? expected : s;
        }

        assertEquals(expected, TabularModel.of(mdp).firstStateNotReachingTerminal(null));
    }

    @Property(tries = 300)
    void shiftingOneProbabilityIsRejectedNamingItsPair(@ForAll("smallMdps") ListMdp mdp, @ForAll long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        int s = rng.nextInt(mdp.stateCount());
        int a = rng.nextInt(mdp.actionCount());
        List<List<Transition>> outcomes = new ArrayList<>();
        for (int i = 0; i < mdp.stateCount() * mdp.actionCount(); i++) {
            outcomes.add(new ArrayList<>(mdp.transitions(i / mdp.actionCount(), i % mdp.actionCount())));
        }
        List<Transition> row = outcomes.get(s * mdp.actionCount() + a);
        Transition first = row.get(0);
        row.set(0, new Transition(first.nextState(), first.probability() + 1e-6, first.reward()));
        boolean[] terminal = new boolean[mdp.stateCount()];
        ListMdp broken = new ListMdp(mdp.stateCount(), mdp.actionCount(), outcomes, terminal);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularModel.of(broken));
        assertTrue(e.getMessage().startsWith("state " + s + ", action " + a + ":"), e.getMessage());
    }
}
