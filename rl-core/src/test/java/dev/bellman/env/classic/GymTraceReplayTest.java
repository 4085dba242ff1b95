package dev.bellman.env.classic;

import dev.bellman.core.Step;
import dev.bellman.core.random.MiniJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every classic-control environment against Gymnasium 1.4.0's traces in
 * {@code reference/gym-traces/}, with the reference README's tolerances: seeded resets reproduce
 * the recorded initial states, every recorded step is reproduced from its predecessor (state within
 * 1e-12 relative, observation equal as float32 within 1 ulp, reward exact except Pendulum's 1e-9,
 * flags exact), and whole rollouts follow the traces (state within 1e-9). The edge cases the traces
 * do not reach are in each environment's own test class.
 */
class GymTraceReplayTest {

    /**
     * How one environment's trace file is replayed.
     *
     * @param file                 the trace file's name without {@code .json}
     * @param stepCount            the number of recorded steps in the file, so a truncated file fails
     * @param factory              the environment a trace's kwargs and attributes describe
     * @param action               the action of a step record
     * @param rewardTolerance      the absolute reward tolerance (Pendulum's cost sums floats differently)
     * @param stateTolerance       the relative state tolerance of a one-step replay
     * @param resetObservationUlps float32 ulps allowed in reset observations (cos and sin may differ by one)
     * @param firstStepFromReset   replay the first step from the reset state rather than from
     *                             {@code setState(initial state)}, for environments whose state
     *                             precision a {@code setState} would change
     */
    record Replay<A>(String file, int stepCount, Function<GymTrace, ClassicControlEnvironment<A>> factory,
                     Function<Object, A> action, double rewardTolerance, double stateTolerance,
                     int resetObservationUlps, boolean firstStepFromReset) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Replay<?>> replays() {
        return Stream.of(
                new Replay<>("CartPole", 141, GymTraceReplayTest::cartPole, GymTrace::action, 0.0, 1e-12, 0, false),
                new Replay<>("MountainCar", 1200, trace -> new MountainCar(goalVelocity(trace)), GymTrace::action,
                        0.0, 1e-12, 0, false),
                new Replay<>("MountainCarContinuous", 1200, trace -> new ContinuousMountainCar(goalVelocity(trace)),
                        GymTraceReplayTest::continuousAction, 0.0, 0.0, 0, true),
                new Replay<>("Pendulum", 1200, GymTraceReplayTest::pendulum, GymTraceReplayTest::continuousAction,
                        1e-9, 1e-12, 1, false),
                new Replay<>("Acrobot", 1200, GymTraceReplayTest::acrobot, GymTrace::action, 0.0, 1e-12, 1, false));
    }

    private static CartPole cartPole(GymTrace trace) {
        boolean suttonBarto = Boolean.TRUE.equals(trace.kwargs().get("sutton_barto_reward"));
        Object integrator = trace.attributes().get("kinematics_integrator");
        return new CartPole(suttonBarto, integrator == null || "euler".equals(integrator)
                ? CartPole.Integrator.EULER : CartPole.Integrator.SEMI_IMPLICIT_EULER);
    }

    private static double goalVelocity(GymTrace trace) {
        Object goal = trace.kwargs().get("goal_velocity");
        return goal == null ? 0.0 : (Double) goal;
    }

    private static Pendulum pendulum(GymTrace trace) {
        Object gravity = trace.kwargs().get("g");
        return gravity == null ? new Pendulum() : new Pendulum((Double) gravity);
    }

    private static Acrobot acrobot(GymTrace trace) {
        return "nips".equals(trace.attributes().get("book_or_nips")) ? new Acrobot(Acrobot.Dynamics.NIPS) : new Acrobot();
    }

    private static double[] continuousAction(Object record) {
        return MiniJson.doubles(MiniJson.get(record, "action"));
    }

    private static <A> ClassicControlEnvironment<A> startOf(Replay<A> replay, GymTrace trace) {
        ClassicControlEnvironment<A> env = replay.factory().apply(trace);
        env.reset(trace.resetSeed() == null ? 0 : trace.resetSeed());
        if (!trace.seededReset()) {
            env.setState(trace.initialState());
        }
        return env;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replays")
    void seededResetReproducesGymnasiumInitialStates(Replay<?> replay) {
        List<GymTrace> traces = GymTrace.load(replay.file());
        assertEquals(6, traces.size());
        int checked = 0;
        for (GymTrace trace : traces) {
            if (!trace.seededReset() || trace.resetOptions() != null) {
                continue;
            }
            ClassicControlEnvironment<?> env = replay.factory().apply(trace);
            double[] observation = env.reset(trace.resetSeed());
            GymTrace.assertRelative(trace.initialState(), env.state(), 0.0, trace.id());
            GymTrace.assertFloat32(trace.resetObs(), observation, replay.resetObservationUlps(), 0.0, trace.id());
            GymTrace.assertFloat32(trace.initialObs(), env.observation(), replay.resetObservationUlps(), 0.0,
                    trace.id());
            checked++;
        }
        assertFalse(checked == 0, "no trace of " + replay.file() + " starts from a plain seeded reset");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replays")
    void everyRecordedStepIsReproducedFromItsPredecessor(Replay<?> replay) {
        assertEquals(replay.stepCount(), replayOneStepAtATime(replay));
    }

    private static <A> int replayOneStepAtATime(Replay<A> replay) {
        int steps = 0;
        for (GymTrace trace : GymTrace.load(replay.file())) {
            ClassicControlEnvironment<A> env = startOf(replay, trace);
            double[] previous = replay.firstStepFromReset() ? null : trace.initialState();
            int t = 0;
            for (Object record : trace.steps()) {
                String where = trace.id() + " step " + (++t);
                if (previous != null) {
                    env.setState(previous);
                }
                Step<double[]> step = env.step(replay.action().apply(record));
                GymTrace.assertRelative(GymTrace.state(record), env.state(), replay.stateTolerance(), where);
                GymTrace.assertFloat32(GymTrace.obs(record), step.observation(), 1, 0.0, where);
                assertEquals(GymTrace.reward(record), step.reward(), replay.rewardTolerance(), where);
                assertEquals(GymTrace.terminated(record), step.terminated(), where);
                assertFalse(step.truncated(), where + ": the raw environment never truncates");
                previous = GymTrace.state(record);
                steps++;
            }
        }
        return steps;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replays")
    void wholeRolloutsFollowTheTraces(Replay<?> replay) {
        assertEquals(replay.stepCount(), replayRollouts(replay));
    }

    private static <A> int replayRollouts(Replay<A> replay) {
        int steps = 0;
        for (GymTrace trace : GymTrace.load(replay.file())) {
            ClassicControlEnvironment<A> env = startOf(replay, trace);
            int t = 0;
            for (Object record : trace.steps()) {
                String where = trace.id() + " step " + (++t);
                Step<double[]> step = env.step(replay.action().apply(record));
                GymTrace.assertRelative(GymTrace.state(record), env.state(), 1e-9, where);
                GymTrace.assertFloat32(GymTrace.obs(record), step.observation(), 1, 1e-6, where);
                assertEquals(GymTrace.reward(record), step.reward(), replay.rewardTolerance(), where);
                assertEquals(GymTrace.terminated(record), step.terminated(), where);
                steps++;
            }
        }
        return steps;
    }
}
