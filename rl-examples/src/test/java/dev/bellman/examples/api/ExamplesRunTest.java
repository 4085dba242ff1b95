package dev.bellman.examples.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every example of {@code dev.bellman.examples.api} runs its {@code main} to the end on a tiny
 * budget and prints its key lines; the value-iteration example prints the book's numbers.
 */
class ExamplesRunTest {

    /** Zhao Fig. 3.4 (a): v* of the 5x5 world, gamma 0.9 (as in GridWorldCommandTest and ZhaoFigure3_4Test). */
    private static final double[][] ZHAO_FIG_3_4_A = {
            {5.832, 5.58, 6.2, 6.48, 5.832},
            {6.48, 7.2, 8.0, 7.2, 6.48},
            {7.2, 8.0, 10.0, 8.0, 7.2},
            {8.0, 10.0, 10.0, 10.0, 8.0},
            {7.2, 9.0, 10.0, 9.0, 8.1}};

    /** An example's {@code main}, which may throw. */
    private interface Main {
        void run(String[] args) throws Exception;
    }

    /** Runs {@code main} with standard output captured; standard output is restored afterwards. */
    private static String run(Main main, String... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.run(args);
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    private static void assertContains(String out, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(out.contains(fragment), "missing \"" + fragment + "\" in:\n" + out);
        }
    }

    @Test
    void gridWorldValueIterationPrintsZhaosFigure3_4a() throws Exception {
        String out = run(GridWorldValueIteration::main);

        assertContains(out, "value iteration converged after 220 sweeps", "Optimal state values v*(s) (Zhao Fig. 3.4 (a))",
                "v*(top-left) = 5.832");
        List<String> lines = Arrays.asList(out.split("\\R"));
        int first = lines.indexOf("Optimal state values v*(s) (Zhao Fig. 3.4 (a))") + 1;
        for (int row = 0; row < 5; row++) {
            double[] printed = Arrays.stream(lines.get(first + row).trim().split("\\s+")).mapToDouble(Double::parseDouble)
                    .toArray();
            // Printed with three decimals, so equal to the book's exact values within half a unit of the last digit.
            assertArrayEquals(ZHAO_FIG_3_4_A[row], printed, 5e-4, "row " + row);
        }
        // Row 4 of the greedy policy: into the target from both sides, and stay there.
        assertContains(out, "\u2192 \u2192 \u25cb \u2190 \u2190");
    }

    @Test
    void gridWorldQLearningComparesWithTheOptimalPolicy() throws Exception {
        String out = run(GridWorldQLearning::main, "200");

        assertContains(out, "Q-learning: 200 episodes, 4000 steps", "Learned greedy policy", "Optimal policy (value iteration)",
                "learned action is optimal in ", "of 25 states", "largest |max_a q(s,a) - v*(s)| = ");
    }

    /** The default budget learns an optimal action in every cell; still well under a second. */
    @Test
    void gridWorldQLearningLearnsAnOptimalPolicyWithItsDefaultBudget() throws Exception {
        assertContains(run(GridWorldQLearning::main), "learned action is optimal in 25 of 25 states");
    }

    @Test
    void customEnvironmentPassesTheCheckerAndResumesExactly() throws Exception {
        String out = run(CustomEnvironment::main, "200");

        assertContains(out, "EnvironmentChecker: no problems in CoinCorridor", "resumed run equals uninterrupted run: true",
                "learned policy, cells 1..7: ", "mean return: learned ");
    }

    @Test
    void mountainCarTileCodingReportsItsLearningCurve() throws Exception {
        String out = run(MountainCarTileCoding::main, "3");

        assertContains(out, "semi-gradient Sarsa, tile coding 8x8x8: 3 episodes", "episode 1: ",
                "last 3 episodes: ", "greedy policy on MountainCar-v0: mean return ");
    }

    @Test
    void cartPoleDqnTrainsEvaluatesAndSaves(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("cartpole.bin");
        String out = run(CartPoleDqn::main, "300", model.toString());

        assertContains(out, "DQN (rl-zoo CartPole-v1 settings): 300 steps", "greedy policy: mean return ",
                "saved the Q-network to " + model);
        assertTrue(Files.size(model) > 0);
    }

    @Test
    void pendulumTd3AndDdpgTrainAndEvaluate() throws Exception {
        String td3 = run(PendulumDdpg::main, "250");
        String ddpg = run(PendulumDdpg::main, "250", "ddpg");

        assertContains(td3, "TD3 (rl-zoo Pendulum-v1 settings): 250 steps, 1 episodes",
                "deterministic policy: mean return ");
        assertContains(ddpg, "DDPG (rl-zoo Pendulum-v1 settings): 250 steps");
        // No gradient step before rl-zoo's 10,000 random warm-up steps.
        assertContains(td3.toLowerCase(Locale.ROOT), ", 0 gradient steps");
        assertEquals(-1, td3.indexOf("NaN"), td3);
    }
}
