package dev.bellman.approx.features;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of every sparse feature map: the dense form is the indicator of the active indices, which are distinct and in range. */
class SparseFeaturesPropertiesTest {

    private static final double[] LOW = {-1.2, -0.07};
    private static final double[] HIGH = {0.5, 0.07};

    @Provide
    Arbitrary<List<double[]>> mountainCarObservations() {
        Arbitrary<double[]> point = Combinators.combine(
                Arbitraries.doubles().between(LOW[0], HIGH[0]),
                Arbitraries.doubles().between(LOW[1], HIGH[1])).as((x, v) -> new double[] {x, v});
        return point.list().ofMinSize(1).ofMaxSize(50);
    }

    @Property(tries = 200)
    void tileCoderIndicesAreDistinctInRangeAndMatchTheDenseForm(
            @ForAll("mountainCarObservations") List<double[]> observations,
            @ForAll("tilings") int tilings, @ForAll("actions") int action) {
        // 4096 indices are never exhausted by 50 observations of 8 tilings, so no collisions.
        TileCoder coder = new TileCoder(LOW, HIGH, new int[] {8, 8}, tilings);
        SparseActionFeatures<double[]> actionFeatures = coder.forActions(3);
        for (double[] observation : observations) {
            checkSparse(coder, observation, true);
            checkSparseAction(actionFeatures, observation, action);
        }
    }

    @Property(tries = 100)
    void fullTileTableStillMatchesTheDenseFormAsASum(
            @ForAll("mountainCarObservations") List<double[]> observations) {
        TileCoder coder = new TileCoder(LOW, HIGH, new int[] {8, 8}, 8, 16);
        for (double[] observation : observations) {
            checkSparse(coder, observation, false);
        }
    }

    @Property(tries = 200)
    void tabularFeaturesMatchTheirDenseForm(@ForAll("sizes") int stateCount, @ForAll("fractions") double where,
                                            @ForAll("fractions") double groupFraction, @ForAll("actions") int action) {
        int state = (int) (where * stateCount);
        int groups = 1 + (int) (groupFraction * stateCount);
        checkSparse(new OneHotFeatures(stateCount), state, true);
        checkSparse(new StateAggregation(stateCount, groups), state, true);
        checkSparseAction(SparseActionFeatures.stack(new StateAggregation(stateCount, groups), 3), state, action);
    }

    @Provide
    Arbitrary<Integer> tilings() {
        return Arbitraries.of(1, 2, 4, 8, 16);
    }

    @Provide
    Arbitrary<Integer> actions() {
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.integers().between(1, 2000);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1).filter(f -> f < 1);
    }

    private static <O> void checkSparse(SparseFeatures<O> features, O observation, boolean distinct) {
        int[] indices = new int[features.activeCount()];
        features.activeIndices(observation, indices);
        double[] dense = new double[features.dimension()];
        features.write(observation, dense);
        checkIndices(indices, features.dimension(), dense, distinct);
    }

    private static <O> void checkSparseAction(SparseActionFeatures<O> features, O observation, int action) {
        int[] indices = new int[features.activeCount()];
        features.activeIndices(observation, action, indices);
        double[] dense = new double[features.dimension()];
        features.write(observation, action, dense);
        checkIndices(indices, features.dimension(), dense, true);
    }

    private static void checkIndices(int[] indices, int dimension, double[] dense, boolean distinct) {
        double[] fromIndices = new double[dimension];
        Set<Integer> seen = new HashSet<>();
        for (int index : indices) {
            assertTrue(index >= 0 && index < dimension, "index " + index + " outside [0, " + dimension + ")");
            fromIndices[index] += 1;
            seen.add(index);
        }
        if (distinct) {
            assertEquals(indices.length, seen.size(), "active indices repeat");
        }
        assertArrayEquals(fromIndices, dense, 0.0);
    }
}
