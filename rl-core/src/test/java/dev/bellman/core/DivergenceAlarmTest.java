package dev.bellman.core;

import dev.bellman.env.toytext.RandomWalk;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link DivergenceAlarm}: non-finite metrics and returns, and metrics beyond their bounds, stop the run. */
class DivergenceAlarmTest {

    private static Map<String, Double> metrics(Object... keysAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void nanMetricStopsWithTheStepTheMetricAndTheValue() {
        DivergenceAlarm alarm = DivergenceAlarm.nonFinite();
        alarm.onUpdate(10, metrics("loss", 0.5, "q_mean", 3.0));
        DivergenceAlarm.DivergenceException e = assertThrows(DivergenceAlarm.DivergenceException.class,
                () -> alarm.onUpdate(11, metrics("loss", Double.NaN)));
        assertEquals("training diverged at step 11: loss is NaN; expected a finite number", e.getMessage());
        assertEquals(11, e.step());
        assertEquals("loss", e.quantity());
    }

    @Test
    void boundsApplyToTheMagnitudeOfTheirMetricOnly() {
        DivergenceAlarm alarm = DivergenceAlarm.nonFinite().withBound("gradient_norm", 100).withBound("q_mean", 1e3);
        alarm.onUpdate(1, metrics("gradient_norm", 100.0, "q_mean", -1e3, "loss", 1e300));
        DivergenceAlarm.DivergenceException e = assertThrows(DivergenceAlarm.DivergenceException.class,
                () -> alarm.onUpdate(2, metrics("q_mean", -1000.5)));
        assertEquals("training diverged at step 2: q_mean is -1000.5; expected at most 1000.0 in magnitude", e.getMessage());
    }

    @Test
    void infiniteReturnStopsTheRun() {
        DivergenceAlarm alarm = DivergenceAlarm.nonFinite();
        alarm.onEpisodeEnd(3, -200.0, 200, 800);
        assertThrows(DivergenceAlarm.DivergenceException.class,
                () -> alarm.onEpisodeEnd(4, Double.NEGATIVE_INFINITY, 200, 1000));
    }

    @Test
    void badBoundsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> DivergenceAlarm.nonFinite().withBound("loss", 0));
        assertThrows(IllegalArgumentException.class, () -> DivergenceAlarm.nonFinite().withBound("loss", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> DivergenceAlarm.nonFinite().withBound(" ", 1));
    }

    @Test
    void aRealLearnerIsStoppedWhereItsMetricLeavesTheBound() {
        // A learner that reports a metric growing by one per step: the alarm goes off at the first step past 5.
        EpisodicLearner<Integer, Integer> growing = new EpisodicLearner<>(0, 0) {
            @Override
            protected void prepare(Environment<Integer, Integer> env) {
            }

            @Override
            protected Integer act(Integer observation) {
                return 0;
            }

            @Override
            protected void update(Integer observation, Integer action, double reward, Integer next, boolean terminated,
                                  boolean truncated) {
                reportMetrics(Map.of("size", (double) totalSteps()));
            }

            @Override
            public Policy<Integer, Integer> policy() {
                return (observation, rng) -> 0;
            }
        };
        growing.addListener(DivergenceAlarm.nonFinite().withBound("size", 5));
        Environment<Integer, Integer> walk = RandomWalk.nineteenStates();
        DivergenceAlarm.DivergenceException e = assertThrows(DivergenceAlarm.DivergenceException.class,
                () -> growing.train(walk, Budget.steps(100)));
        assertEquals(6, e.step());
    }
}
