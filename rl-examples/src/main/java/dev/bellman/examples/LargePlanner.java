package dev.bellman.examples;

import dev.bellman.core.CompactModel;
import dev.bellman.core.TabularModel;
import dev.bellman.tabular.dp.InPlaceValueIteration;
import dev.bellman.tabular.dp.ModifiedPolicyIteration;
import dev.bellman.tabular.dp.PlanningResult;
import dev.bellman.tabular.dp.PrioritizedSweeping;
import dev.bellman.tabular.dp.StateOrder;
import dev.bellman.tabular.dp.ValueIteration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The planners for large models that {@code bellman mdp --file} and {@code bellman gridworld --size}
 * offer, by their kebab-case names, and the one way both commands run and report them.
 */
enum LargePlanner {
    /** {@link InPlaceValueIteration}: Gauss–Seidel sweeps in a {@link StateOrder}, on one or more threads. */
    IN_PLACE_VI("in-place-vi", "sweeps", true),
    /** {@link ModifiedPolicyIteration}: improvement sweeps, each followed by evaluation sweeps. */
    MPI("mpi", "improvement sweeps", true),
    /** {@link PrioritizedSweeping}: backs up the state of largest residual bound first; one thread. */
    PRIORITIZED_SWEEPING("prioritized-sweeping", "state backups", false),
    /** The textbook's synchronous {@link ValueIteration} on a {@link TabularModel}: the baseline. */
    VALUE_ITERATION("value-iteration", "sweeps", false);

    /** One mebibyte, the unit of the memory figures. */
    static final double MB = 1024.0 * 1024.0;

    private final String id;
    private final String iterationUnit;
    private final boolean sweepsInOrder;

    LargePlanner(String id, String iterationUnit, boolean sweepsInOrder) {
        this.id = id;
        this.iterationUnit = iterationUnit;
        this.sweepsInOrder = sweepsInOrder;
    }

    String id() {
        return id;
    }

    /** @return whether {@code --threads} and {@code --order} apply */
    boolean sweepsInOrder() {
        return sweepsInOrder;
    }

    /** @return what {@link PlanningResult#iterations()} counts for this planner */
    String iterationUnit() {
        return iterationUnit;
    }

    /** @throws IllegalArgumentException naming {@code --algo} and the allowed names */
    static LargePlanner byIdForOption(String id, String context) {
        for (LargePlanner planner : values()) {
            if (planner.id.equalsIgnoreCase(id)) {
                return planner;
            }
        }
        throw new IllegalArgumentException("--algo " + id + " does not apply to " + context + "; expected one of "
                + ids());
    }

    static String ids() {
        return Arrays.stream(values()).map(LargePlanner::id).collect(Collectors.joining(", "));
    }

    /** @throws IllegalArgumentException unless {@code order} is backward or natural */
    static StateOrder orderForOption(String order) {
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "backward", "backward-from-terminals" -> StateOrder.BACKWARD_FROM_TERMINALS;
            case "natural" -> StateOrder.NATURAL;
            default -> throw new IllegalArgumentException("--order " + order + " is not allowed; expected backward or natural");
        };
    }

    /**
     * How to plan: the planner and its settings, checked against each other.
     *
     * @param evaluationSweeps MPI's evaluation sweeps per improvement
     */
    record Settings(LargePlanner planner, double gamma, double tolerance, int threads, StateOrder order,
                    int evaluationSweeps) {

        /**
         * @throws IllegalArgumentException naming the option, if a value is out of range or an
         *                                  option does not apply to the planner
         */
        Settings {
            if (planner == VALUE_ITERATION ? !(gamma >= 0 && gamma <= 1) : !(gamma >= 0 && gamma < 1)) {
                throw new IllegalArgumentException("--gamma " + gamma + " is outside " + (planner == VALUE_ITERATION
                        ? "[0, 1]" : "[0, 1) for " + planner.id + " (its error bound needs gamma < 1; value-iteration "
                        + "accepts 1)"));
            }
            if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
                throw new IllegalArgumentException("--tolerance " + tolerance + " must be a finite number > 0");
            }
            OptionChecks.atLeastOne("--threads", threads);
            if (threads > 1 && !planner.sweepsInOrder) {
                throw new IllegalArgumentException("--threads " + threads + " does not apply to " + planner.id
                        + ", which runs on one thread; threads apply to in-place-vi and mpi");
            }
            OptionChecks.atLeastOne("--evaluation-sweeps", evaluationSweeps);
        }

        /** @return the planner and the settings that shape its run, for the report's first line */
        String describe() {
            String common = String.format(Locale.ROOT, "gamma %s, tolerance %s", gamma, tolerance);
            return switch (planner) {
                case IN_PLACE_VI -> String.format(Locale.ROOT, "in-place-vi (%s order, %d thread%s), %s", orderName(),
                        threads, threads == 1 ? "" : "s", common);
                case MPI -> String.format(Locale.ROOT, "mpi (%d evaluation sweeps, %s order, %d thread%s), %s",
                        evaluationSweeps, orderName(), threads, threads == 1 ? "" : "s", common);
                case PRIORITIZED_SWEEPING -> "prioritized-sweeping (1 thread), " + common;
                case VALUE_ITERATION -> "value-iteration (synchronous sweeps on a TabularModel, 1 thread), " + common;
            };
        }

        String orderName() {
            return order == StateOrder.NATURAL ? "natural" : "backward";
        }
    }

    /**
     * A finished run.
     *
     * @param seconds the wall-clock time of the solve (for value-iteration, compiling the
     *                {@link TabularModel} included)
     */
    record Run(Settings settings, PlanningResult result, double seconds) {

        double backupsPerSecond() {
            return result.backups() / Math.max(seconds, 1e-9);
        }

        /** Adds the planner's fields to a JSON report. */
        void addTo(Map<String, Object> report) {
            Settings s = settings;
            report.put("algorithm", s.planner().id());
            report.put("gamma", s.gamma());
            report.put("tolerance", s.tolerance());
            if (s.planner().sweepsInOrder()) {
                report.put("threads", s.threads());
                report.put("order", s.orderName());
            }
            if (s.planner() == MPI) {
                report.put("evaluationSweeps", s.evaluationSweeps());
            }
            report.put("solveSeconds", seconds);
            report.put("iterations", result.iterations());
            report.put("iterationUnit", s.planner().iterationUnit());
            report.put("converged", result.converged());
            report.put("backups", result.backups());
            report.put("backupsPerSecond", backupsPerSecond());
            report.put("errorBound", result.errorBound());
        }

        /** @return the run's lines of the text report */
        String text() {
            return String.format(Locale.ROOT, "%s%n  %s after %,d %s in %.3f s: %,d backups, %.3g backups/s%n"
                            + "  error bound ||v - v*|| <= %.2e (Bellman residual / (1 - gamma))%n",
                    settings.describe(), result.converged() ? "converged" : "stopped WITHOUT converging",
                    result.iterations(), settings.planner().iterationUnit(), seconds, result.backups(),
                    backupsPerSecond(), result.errorBound());
        }
    }

    /** Solves {@code model} with the settings' planner and times it. */
    static Run solve(CompactModel model, Settings settings) {
        long start = System.nanoTime();
        PlanningResult result = switch (settings.planner()) {
            case IN_PLACE_VI -> new InPlaceValueIteration(settings.gamma(), settings.tolerance())
                    .withOrder(settings.order()).withThreads(settings.threads()).solve(model);
            case MPI -> new ModifiedPolicyIteration(settings.gamma(), settings.tolerance())
                    .withEvaluationSweeps(settings.evaluationSweeps()).withOrder(settings.order())
                    .withThreads(settings.threads()).solve(model);
            case PRIORITIZED_SWEEPING -> new PrioritizedSweeping(settings.gamma(), settings.tolerance()).solve(model);
            case VALUE_ITERATION -> new ValueIteration(settings.gamma(), settings.tolerance()).solve(TabularModel.of(model));
        };
        return new Run(settings, result, (System.nanoTime() - start) / 1e9);
    }

    /** Adds the model's size and memory to a JSON report. */
    static void addModelTo(Map<String, Object> report, CompactModel model) {
        report.put("states", model.stateCount());
        report.put("actions", model.actionCount());
        report.put("deterministic", model.isDeterministic());
        report.put("precision", model.precision().name().toLowerCase(Locale.ROOT));
        report.put("modelBytes", model.bytes());
        report.put("modelMegabytes", model.bytes() / MB);
        report.put("bytesPerStateAction", model.bytesPerStateAction());
    }

    /** @return the model's memory line of the text report */
    static String modelText(CompactModel model) {
        return String.format(Locale.ROOT, "model: %,d states, %d actions, %s, %s precision: %.1f MB (%.2f bytes per "
                        + "state-action)%n", model.stateCount(), model.actionCount(),
                model.isDeterministic() ? "deterministic" : "stochastic (" + model.outcomeCount() + " outcomes)",
                model.precision().name().toLowerCase(Locale.ROOT), model.bytes() / MB, model.bytesPerStateAction());
    }

    /** @return the heap the JVM uses now (garbage not yet collected included), in bytes */
    static long heapUsed() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Adds the JVM's heap figures to a JSON report. */
    static void addHeapTo(Map<String, Object> report) {
        report.put("heapUsedBytes", heapUsed());
        report.put("heapMaxBytes", Runtime.getRuntime().maxMemory());
    }

    /** @return the heap line of the text report */
    static String heapText() {
        return String.format(Locale.ROOT, "JVM heap used: %.0f MB of at most %.0f MB (uncollected garbage included)%n",
                heapUsed() / MB, Runtime.getRuntime().maxMemory() / MB);
    }
}
