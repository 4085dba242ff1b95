package dev.bellman.core.wrappers;

import dev.bellman.core.EnvironmentChecker;
import dev.bellman.core.EnvironmentChecker.Check;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.env.grid.GridWorld;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wrappers keep a correct environment correct, as {@link EnvironmentChecker} sees it. */
class WrappedEnvironmentsCheckTest {

    private static ScriptedBoxEnvironment scripted() {
        BoxSpace observations = new BoxSpace(new double[] {0, 0}, new double[] {1, 1});
        BoxSpace actions = new BoxSpace(new double[] {-2}, new double[] {2});
        return new ScriptedBoxEnvironment(observations, actions,
                new double[][] {{0, 0}, {0.5, 0.25}, {1, 1}}, new double[] {1, 2}, 0);
    }

    @Test
    void timeLimitedActionAndObservationWrappersPass() {
        EnvironmentChecker.Report clip = EnvironmentChecker.check(new TimeLimit<>(new ClipAction<>(scripted()), 5));
        assertTrue(clip.isOk(), clip.toString());
        EnvironmentChecker.Report rescale = EnvironmentChecker.check(
                new TimeLimit<>(new RescaleAction<>(scripted(), 0, 1), 5));
        assertTrue(rescale.isOk(), rescale.toString());
        EnvironmentChecker.Report discrete = EnvironmentChecker.check(
                new TimeLimit<>(new DiscretizeObservation<>(scripted(), new int[] {3, 3}), 5));
        assertTrue(discrete.isOk(), discrete.toString());
        EnvironmentChecker.Report stats = EnvironmentChecker.check(
                new EpisodeStatistics<>(GridWorld.builder("S.\n.T").targetTerminal(true).build()));
        assertTrue(stats.isOk(), stats.toString());
    }

    @Test
    void aTransformIntoTheWrongSpaceIsCaught() {
        GridWorld world = GridWorld.builder("S.\n.T").targetTerminal(true).build();
        TransformObservation<Integer, Integer, Integer> shifted = new TransformObservation<>(world, s -> s + 1,
                new DiscreteSpace(world.stateCount()));
        EnvironmentChecker.Report report = EnvironmentChecker.check(shifted);
        assertEquals(Check.STEP, report.problems().get(report.problems().size() - 1).check(), report.toString());
        assertTrue(report.toString().contains("outside the observation space Discrete(4)"), report.toString());
    }

    @Test
    void runningNormalizationIsReportedAsNotReproducible() {
        EnvironmentChecker.Report report = EnvironmentChecker.check(new TimeLimit<>(new NormalizeObservation<>(scripted()), 3));
        assertEquals(1, report.problems().size(), report.toString());
        assertEquals(Check.DETERMINISM, report.problems().get(0).check(), report.toString());
    }
}
