package dev.bellman.tabular.td;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.TabularPolicy;
import dev.bellman.core.space.BoxSpace;
import dev.bellman.core.space.DiscreteSpace;
import dev.bellman.core.space.Space;
import dev.bellman.core.schedule.Schedules;
import dev.bellman.env.grid.GridWorldPreset;
import dev.bellman.tabular.LearnerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad settings and unfit environments are rejected with messages that name the value. */
class TdInputTest {

    private static String messageOf(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void stepSizeExplorationAndDiscountAreChecked() {
        assertTrue(messageOf(() -> LearnerSettings.builder().alpha(0)).contains("alpha 0.0 is outside (0, 1]"));
        assertTrue(messageOf(() -> LearnerSettings.builder().alpha(1.5)).contains("alpha 1.5"));
        assertTrue(messageOf(() -> LearnerSettings.builder().epsilon(-0.1)).contains("epsilon -0.1 is outside [0, 1]"));
        assertTrue(messageOf(() -> LearnerSettings.builder().gamma(1.1)).contains("gamma 1.1"));
        assertTrue(messageOf(() -> LearnerSettings.builder().maxEpisodeLength(-5).build()).contains("maxEpisodeLength -5"));
        assertTrue(messageOf(() -> new NStepSarsa(LearnerSettings.builder().build(), 0)).contains("n 0 must be at least 1"));
        assertTrue(messageOf(() -> new SarsaLambda(LearnerSettings.builder().build(), 1.2, Traces.REPLACING))
                .contains("lambda 1.2 is outside [0, 1]"));
        assertTrue(messageOf(() -> new TdLambda(LearnerSettings.builder().build(), TabularPolicy.uniform(2, 2), -0.5,
                Traces.ACCUMULATING)).contains("lambda -0.5"));
        assertTrue(messageOf(() -> Budget.episodes(0)).contains("at least 1"));
    }

    @Test
    void aScheduleThatLeavesTheRangeStopsTraining() {
        LearnerSettings settings = LearnerSettings.builder().alpha(Schedules.linear(0.5, -0.5, 10)).maxEpisodeLength(20).build();
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new Sarsa(settings).train(GridWorldPreset.ZHAO_5X5.build(), Budget.steps(1000)));
        assertTrue(error.getMessage().contains("is outside (0, 1]"), error.getMessage());
    }

    @Test
    void continuousObservationsAreRejected() {
        Environment<Integer, Integer> continuous = new Environment<>() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Space<Integer> observationSpace() {
                return (Space) new BoxSpace(new double[]{0}, new double[]{1});
            }

            @Override
            public Space<Integer> actionSpace() {
                return new DiscreteSpace(2);
            }

            @Override
            public Integer reset(long seed) {
                return 0;
            }

            @Override
            public Integer reset() {
                return 0;
            }

            @Override
            public Step<Integer> step(Integer action) {
                return new Step<>(0, 0, true, false);
            }
        };
        String message = messageOf(() -> new QLearning(LearnerSettings.builder().build()).train(continuous, Budget.steps(10)));
        assertTrue(message.contains("discrete observation space") && message.contains("Box("), message);
    }
}
