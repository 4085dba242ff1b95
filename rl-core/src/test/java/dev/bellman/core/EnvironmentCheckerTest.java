package dev.bellman.core;

import dev.bellman.core.EnvironmentChecker.Check;
import dev.bellman.core.EnvironmentChecker.Report;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.core.space.Space;
import dev.bellman.core.wrappers.TimeLimit;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.toytext.RandomWalk;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentCheckerTest {

    /** One fault each; {@code NONE} is a correct environment. */
    private enum Fault {
        NONE, NULL_OBSERVATION_SPACE, BAD_SPACE, RESET_OUTSIDE, STEP_OUTSIDE, NAN_REWARD, NO_DONE_CHECK,
        ACCEPTS_INVALID_ACTION, WRONG_EXCEPTION_FOR_INVALID_ACTION, NOT_DETERMINISTIC, STEP_THROWS
    }

    /** A corridor of 5 cells: start at 0, action 1 moves right, the episode terminates at cell 3. */
    private static final class Corridor implements Environment<Integer, Integer> {
        private final Fault fault;
        private final DiscreteSpace actions = new DiscreteSpace(2);
        private int position;
        private boolean running;
        private int resets;

        Corridor(Fault fault) {
            this.fault = fault;
        }

        @Override
        public Space<Integer> observationSpace() {
            if (fault == Fault.NULL_OBSERVATION_SPACE) {
                return null;
            }
            if (fault == Fault.BAD_SPACE) {
                // samples 5, which it does not contain
                return new Space<>() {
                    @Override
                    public Integer sample(RandomGenerator rng) {
                        return 5;
                    }

                    @Override
                    public boolean contains(Integer value) {
                        return value != null && value < 5;
                    }
                };
            }
            return new DiscreteSpace(5);
        }

        @Override
        public DiscreteSpace actionSpace() {
            return actions;
        }

        @Override
        public Integer reset(long seed) {
            return reset();
        }

        @Override
        public Integer reset() {
            resets++;
            position = 0;
            running = true;
            return fault == Fault.RESET_OUTSIDE ? -1 : position;
        }

        @Override
        public Step<Integer> step(Integer action) {
            if (!running && fault != Fault.NO_DONE_CHECK) {
                throw new IllegalStateException("episode over");
            }
            if (fault == Fault.WRONG_EXCEPTION_FOR_INVALID_ACTION) {
                position += new int[] {0, 1}[action];
            } else if (fault == Fault.ACCEPTS_INVALID_ACTION) {
                position += action == null || action != 1 ? 0 : 1;
            } else {
                position += actions.require(action, "action");
            }
            if (fault == Fault.STEP_THROWS && position == 2) {
                throw new ArithmeticException("boom");
            }
            boolean terminated = position >= 3;
            running = !terminated;
            double reward = fault == Fault.NAN_REWARD ? Double.NaN : fault == Fault.NOT_DETERMINISTIC ? resets : -1;
            int observation = fault == Fault.STEP_OUTSIDE && position == 2 ? 9 : position;
            return new Step<>(observation, reward, terminated, false);
        }

        @Override
        public String toString() {
            return "Corridor(" + fault + ")";
        }
    }

    /** A one-dimensional box environment that emits NaN at step 2 and does not reject NaN actions. */
    private static final class LeakyBox implements Environment<double[], double[]> {
        private final BoxSpace observations = new BoxSpace(new double[] {Double.NEGATIVE_INFINITY},
                new double[] {Double.POSITIVE_INFINITY});
        private final BoxSpace actions = new BoxSpace(new double[] {-1}, new double[] {1});
        private int t;

        @Override
        public BoxSpace observationSpace() {
            return observations;
        }

        @Override
        public BoxSpace actionSpace() {
            return actions;
        }

        @Override
        public double[] reset(long seed) {
            return reset();
        }

        @Override
        public double[] reset() {
            t = 0;
            return new double[] {0};
        }

        @Override
        public Step<double[]> step(double[] action) {
            if (action == null || action.length != 1 || action[0] > 1 || action[0] < -1) {
                throw new IllegalArgumentException("action outside " + actions);
            }
            if (t >= 3) {
                throw new IllegalStateException("done");
            }
            t++;
            return new Step<>(new double[] {t == 2 ? Double.NaN : t}, action[0], t == 3, false);
        }
    }

    private static Report checkFault(Fault fault) {
        return EnvironmentChecker.check(new Corridor(fault), 3, 100);
    }

    private static void assertOnly(Check check, Report report, String fragment) {
        assertFalse(report.isOk(), report.toString());
        assertEquals(1, report.problems().size(), report.toString());
        assertEquals(check, report.problems().get(0).check(), report.toString());
        assertTrue(report.problems().get(0).message().contains(fragment), report.toString());
        assertFalse(report.problems().get(0).hint().isBlank());
    }

    @Test
    void aCorrectEnvironmentPasses() {
        Report report = checkFault(Fault.NONE);
        assertTrue(report.isOk(), report.toString());
        assertTrue(report.toString().startsWith("EnvironmentChecker: no problems in Corridor(NONE)"), report.toString());
    }

    @Test
    void bundledGridWorldPasses() {
        GridWorld world = GridWorld.builder("S..\n.#.\n..T").targetTerminal(true).build();
        Report report = EnvironmentChecker.check(world);
        assertTrue(report.isOk(), report.toString());
    }

    @Test
    void bundledGridWorldWithoutTerminalPassesWithANote() {
        Report report = EnvironmentChecker.check(GridWorld.builder("S.\n.T").build(), 1, 50);
        assertTrue(report.isOk(), report.toString());
        assertEquals(1, report.notes().size(), report.toString());
    }

    @Test
    void bundledRandomWalksPass() {
        for (RandomWalk walk : List.of(RandomWalk.fiveStates(), RandomWalk.nineteenStates())) {
            Report report = EnvironmentChecker.check(walk);
            assertTrue(report.isOk(), report.toString());
            assertTrue(report.notes().isEmpty(), report.toString());
        }
    }

    @Test
    void timeLimitedEnvironmentPassesAndIsCheckedAfterTruncation() {
        Report report = EnvironmentChecker.check(new TimeLimit<>(GridWorld.builder("S.\n.T").build(), 10));
        assertTrue(report.isOk(), report.toString());
        assertTrue(report.notes().isEmpty(), report.toString());
    }

    @Test
    void catchesANullSpace() {
        assertOnly(Check.SPACES, checkFault(Fault.NULL_OBSERVATION_SPACE), "observationSpace() returned null");
    }

    @Test
    void catchesASpaceThatSamplesNonMembers() {
        assertOnly(Check.SPACES, checkFault(Fault.BAD_SPACE), "sampled 5");
    }

    @Test
    void catchesAResetObservationOutsideTheSpace() {
        assertOnly(Check.RESET, checkFault(Fault.RESET_OUTSIDE), "returned the observation -1, outside");
    }

    @Test
    void catchesAStepObservationOutsideTheSpace() {
        Report report = checkFault(Fault.STEP_OUTSIDE);
        assertOnly(Check.STEP, report, "returned the observation 9, outside the observation space Discrete(5)");
    }

    @Test
    void catchesANaNRewardOnce() {
        assertOnly(Check.STEP, checkFault(Fault.NAN_REWARD), "returned the reward NaN");
    }

    @Test
    void catchesAStepThatThrowsForAValidAction() {
        assertOnly(Check.STEP, checkFault(Fault.STEP_THROWS), "ArithmeticException: boom");
    }

    @Test
    void catchesAMissingDoneCheck() {
        assertOnly(Check.STEP_AFTER_DONE, checkFault(Fault.NO_DONE_CHECK), "after the episode ended returned normally");
    }

    @Test
    void catchesAcceptedInvalidActions() {
        Report report = checkFault(Fault.ACCEPTS_INVALID_ACTION);
        assertEquals(3, report.problems(Check.INVALID_ACTION).size(), report.toString());
        assertEquals(3, report.problems().size(), report.toString());
        assertTrue(report.problems().get(1).message().startsWith("step(-1) accepted"), report.toString());
    }

    @Test
    void catchesTheWrongExceptionForInvalidActions() {
        Report report = checkFault(Fault.WRONG_EXCEPTION_FOR_INVALID_ACTION);
        List<EnvironmentChecker.Problem> problems = report.problems(Check.INVALID_ACTION);
        assertEquals(3, problems.size(), report.toString());
        assertTrue(problems.get(0).message().contains("NullPointerException"), report.toString());
        assertTrue(problems.get(1).message().contains("ArrayIndexOutOfBoundsException"), report.toString());
    }

    @Test
    void catchesNonDeterminism() {
        assertOnly(Check.DETERMINISM, checkFault(Fault.NOT_DETERMINISTIC), "differ at step 1");
    }

    @Test
    void catchesNaNObservationsAndUnrejectedNaNActions() {
        Report report = EnvironmentChecker.check(new LeakyBox());
        assertEquals(2, report.problems().size(), report.toString());
        assertTrue(report.problems(Check.STEP).get(0).message().contains("[NaN] with NaN at index 0"), report.toString());
        assertTrue(report.problems(Check.INVALID_ACTION).get(0).message().startsWith("step([NaN]) accepted"),
                report.toString());
    }

    @Test
    void reportListsEveryProblemReadably() {
        String text = checkFault(Fault.NO_DONE_CHECK).toString();
        assertTrue(text.startsWith("EnvironmentChecker: 1 problem in Corridor(NO_DONE_CHECK)"), text);
        assertTrue(text.contains("1. [STEP_AFTER_DONE]") && text.contains("fix: "), text);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(NullPointerException.class, () -> EnvironmentChecker.check(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnvironmentChecker.check(new Corridor(Fault.NONE), 0, 0));
        assertTrue(e.getMessage().contains("maxSteps = 0"), e.getMessage());
    }
}
