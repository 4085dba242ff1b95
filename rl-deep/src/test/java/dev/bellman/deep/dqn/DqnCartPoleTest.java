package dev.bellman.deep.dqn;

import dev.bellman.core.Budget;
import dev.bellman.core.Evaluation;
import dev.bellman.env.classic.Environments;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DQN with rl-zoo's CartPole-v1 settings: the headline run, one seed. */
class DqnCartPoleTest {

    /**
     * 50 000 steps with rl-zoo's settings, seed 0: the greedy policy averages 500 (the maximum) over
     * 20 evaluation episodes on the machine these figures come from, and seeds 1–4 give 151, 500,
     * 500, 500 (docs/benchmarks.md). The bar asserted is lower, 150 — a random policy averages 22 —
     * because the floating-point rounding of the matrix products depends on the CPU's BLAS kernels,
     * so another machine follows another trajectory from the same seed.
     */
    @Test
    void zooSettingsLearnCartPoleIn50000Steps() {
        Dqn dqn = new Dqn(DqnConfig.zooCartPole(), 50_000, 0);
        dqn.train(Environments.make("CartPole-v1", Integer.class), Budget.steps(50_000));
        double greedy = Evaluation.run(Environments.make("CartPole-v1", Integer.class), dqn.policy(), 20, 1_000_000,
                1_000_000).meanReturn();
        assertTrue(greedy >= 150, "greedy mean return " + greedy);
        // Training phases at every multiple of 256 past the 1000 learning-start steps: 1024, 1280, ..., 49 920,
        // that is 195 − 3 = 192 phases of 128 gradient steps, as Stable-Baselines3 schedules them.
        assertEquals(192 * 128, dqn.gradientSteps());
    }
}
