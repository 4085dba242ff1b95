package dev.bellman.deep.replay;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of {@link SumTree} under arbitrary sequences of updates. */
class SumTreePropertiesTest {

    /** An update {@code (index, priority)}; the index is reduced modulo the tree's capacity. */
    record Update(int index, double priority) {
    }

    @Provide
    Arbitrary<List<Update>> updates() {
        Arbitrary<Update> update = Combinators.combine(
                Arbitraries.integers().between(0, 1_000),
                Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(0.0, 100.0)))
                .as(Update::new);
        return update.list().ofMinSize(1).ofMaxSize(200);
    }

    @Property(tries = 300)
    void totalEqualsTheSumOfPrioritiesAfterRandomUpdates(@ForAll @IntRange(min = 1, max = 100) int capacity,
                                                        @ForAll("updates") List<Update> updates) {
        SumTree tree = new SumTree(capacity);
        double[] priorities = new double[capacity];
        for (Update update : updates) {
            int index = update.index() % capacity;
            tree.set(index, update.priority());
            priorities[index] = update.priority();
        }
        double sum = 0.0;
        for (double priority : priorities) {
            sum += priority;
        }
        // Tree order and left-to-right order add the same numbers in different groupings; the
        // difference is rounding, far below 1e-12 relative for at most 100 terms.
        assertEquals(sum, tree.total(), 1e-12 * Math.max(1.0, sum));
        for (int i = 0; i < capacity; i++) {
            assertEquals(priorities[i], tree.get(i), 0.0);
        }
    }

    @Property(tries = 300)
    void findLandsOnAPositiveLeafWhoseIntervalHoldsTheMass(@ForAll @IntRange(min = 1, max = 100) int capacity,
                                                            @ForAll("updates") List<Update> updates,
                                                            @ForAll @DoubleRange(min = 0.0, max = 1.0) double fraction) {
        SumTree tree = new SumTree(capacity);
        for (Update update : updates) {
            tree.set(update.index() % capacity, update.priority());
        }
        if (tree.total() == 0.0) {
            return;
        }
        double mass = fraction * tree.total();
        int leaf = tree.find(mass);
        assertTrue(tree.get(leaf) > 0.0, "leaf " + leaf + " has priority 0");
        double before = 0.0;
        for (int i = 0; i < leaf; i++) {
            before += tree.get(i);
        }
        double tolerance = 1e-9 * tree.total();
        assertTrue(mass >= before - tolerance, mass + " below the interval starting at " + before);
        assertTrue(mass <= before + tree.get(leaf) + tolerance, mass + " above the interval ending at " + (before + tree.get(leaf)));
    }
}
