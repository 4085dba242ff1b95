package dev.bellman.examples;

import dev.bellman.core.Budget;
import dev.bellman.core.Environment;
import dev.bellman.core.EpisodicLearner;
import dev.bellman.core.Learner;
import dev.bellman.core.TrainingReport;
import dev.bellman.core.wrappers.VectorEnvironment;
import picocli.CommandLine.Option;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The training budget options every learning subcommand shares ({@code --episodes},
 * {@code --steps}, {@code --quiet}) and the one way a learner is trained under them, with a
 * progress bar on an interactive terminal.
 */
final class BudgetOptions {

    /** Episodes trained when neither {@code --episodes} nor {@code --steps} is given. */
    static final long DEFAULT_EPISODES = 500;

    @Option(names = "--episodes", paramLabel = "N",
            description = "Learners: train for N episodes (default 500 unless --steps is given).")
    Long episodes;

    @Option(names = "--steps", paramLabel = "N", description = "Learners: train for N environment steps instead. Default: none (an episode budget; train's deep "
                    + "learners: rl-zoo's steps for the environment, see bellman algos).")
    Long steps;

    @Option(names = "--quiet", description = "Learners: no progress bar (one is shown on standard error only on an interactive terminal). "
                    + "Default: off.")
    boolean quiet;

    /** @return whether a budget option was given */
    boolean given() {
        return episodes != null || steps != null;
    }

    /** @return the option given, for messages that reject it, or null */
    String givenOption() {
        return episodes != null ? "--episodes" : steps != null ? "--steps" : null;
    }

    /** @throws IllegalArgumentException if both are given or either is below 1 */
    void check() {
        if (episodes != null && steps != null) {
            throw new IllegalArgumentException("--episodes and --steps are exclusive; give one budget");
        }
        if ((episodes != null && episodes < 1) || (steps != null && steps < 1)) {
            throw new IllegalArgumentException((episodes != null ? "--episodes " + episodes : "--steps " + steps)
                    + " must be at least 1");
        }
    }

    /** @return the budget the options describe */
    Budget budget() {
        return steps != null ? Budget.steps(steps) : Budget.episodes(episodes == null ? DEFAULT_EPISODES : episodes);
    }

    /**
     * Trains {@code learner} on {@code env} for the budget. Only an interactive terminal gets a
     * progress bar (on standard error), so piped or redirected output stays clean.
     */
    <O, A> TrainingReport train(Learner<O, A> learner, Environment<O, A> env) {
        return train(learner, env, budget());
    }

    /** As {@link #train(Learner, Environment)} with a budget chosen by the command (its default for the learner). */
    <O, A> TrainingReport train(Learner<O, A> learner, Environment<O, A> env, Budget budget) {
        return withProgress(learner, budget, () -> learner.train(env, budget));
    }

    /** As {@link #train(Learner, Environment, Budget)}, on the copies of a vector environment ({@code --num-envs}). */
    <O, A> TrainingReport train(EpisodicLearner<O, A> learner, VectorEnvironment<O, A> copies, Budget budget) {
        return withProgress(learner, budget, () -> learner.train(copies, budget));
    }

    private TrainingReport withProgress(Learner<?, ?> learner, Budget budget, Supplier<TrainingReport> training) {
        boolean showProgress = !quiet && System.console() != null;
        PrintStream err = showProgress
                ? new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8) : null;
        try (ProgressListener progress = new ProgressListener(budget.limit(), budget.unit() == Budget.Unit.STEPS, err)) {
            if (showProgress) {
                learner.addListener(progress);
            }
            return training.get();
        }
    }
}
