package dev.bellman.examples;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The learning curve's episode axis is labelled at round numbers, at most about ten of them. */
class LearningCurveTest {

    @Test
    void labelsFallOnRoundSteps() {
        assertEquals(1, LearningCurve.niceStep(5));
        assertEquals(1, LearningCurve.niceStep(10));
        assertEquals(2, LearningCurve.niceStep(20));
        assertEquals(10, LearningCurve.niceStep(100));
        assertEquals(50, LearningCurve.niceStep(300));
        assertEquals(500, LearningCurve.niceStep(3000));
        assertEquals(2_000, LearningCurve.niceStep(20_001));
    }
}
