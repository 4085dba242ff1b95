package dev.bellman.examples;

import dev.bellman.core.FiniteMdp;
import dev.bellman.env.toytext.GamblersProblem;
import dev.bellman.env.toytext.JacksCarRental;
import dev.bellman.tabular.dp.PlanningResult;
import dev.bellman.tabular.dp.PolicyIteration;
import dev.bellman.tabular.dp.TruncatedPolicyIteration;
import dev.bellman.tabular.dp.ValueIteration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bellman mdp}: solves one of the books' finite MDPs that are not grid worlds and shows the
 * optimal values and policy.
 */
@Command(name = "mdp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solves a finite MDP of the books by dynamic programming and shows v* and the greedy policy.",
                "Presets: gamblers-problem (Sutton & Barto Example 4.3), jacks-car-rental (Example 4.2)."})
final class MdpCommand implements Callable<Integer> {

    /** The MDPs this command knows. */
    enum Preset {
        GAMBLERS_PROBLEM("gamblers-problem", 1.0),
        JACKS_CAR_RENTAL("jacks-car-rental", JacksCarRental.GAMMA);

        private final String id;
        private final double gamma;

        Preset(String id, double gamma) {
            this.id = id;
            this.gamma = gamma;
        }

        static Preset byId(String id) {
            for (Preset preset : values()) {
                if (preset.id.equalsIgnoreCase(id)) {
                    return preset;
                }
            }
            throw new IllegalArgumentException("--preset: unknown MDP '" + id + "'; expected one of "
                    + Arrays.stream(values()).map(p -> p.id).reduce((a, b) -> a + ", " + b).orElse(""));
        }
    }

    @Option(names = "--preset", paramLabel = "NAME", required = true,
            description = "gamblers-problem or jacks-car-rental.")
    String preset;

    @Option(names = "--algo", paramLabel = "NAME", defaultValue = "value-iteration",
            description = "value-iteration (default), policy-iteration, truncated-policy-iteration.")
    String algorithm;

    @Option(names = "--gamma", paramLabel = "G",
            description = "Discount factor in [0, 1]. Default: the book's (1 for gamblers-problem, 0.9 for jacks-car-rental).")
    Double gamma;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-10",
            description = "Stop when a sweep changes no value by T or more (max norm). Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Option(names = "--heads", paramLabel = "P", defaultValue = "0.4",
            description = "gamblers-problem: the probability of heads. Default: ${DEFAULT-VALUE}.")
    double heads;

    @picocli.CommandLine.Mixin
    OutputOptions output = new OutputOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Preset chosen = Preset.byId(preset);
        output.json();
        if (gamma != null && !(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("--gamma " + gamma + " is outside [0, 1]");
        }
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("--tolerance " + tolerance + " must be a finite number > 0");
        }
        if (!(heads > 0 && heads < 1)) {
            throw new IllegalArgumentException("--heads " + heads + " is outside (0, 1)");
        }
        double discount = gamma != null ? gamma : chosen.gamma;
        FiniteMdp mdp = chosen == Preset.GAMBLERS_PROBLEM ? new GamblersProblem(heads) : new JacksCarRental();
        PlanningResult result = switch (algorithm.toLowerCase(Locale.ROOT)) {
            case "value-iteration" -> new ValueIteration(discount, tolerance).solve(mdp);
            case "policy-iteration" -> new PolicyIteration(discount, tolerance).solve(mdp);
            case "truncated-policy-iteration" -> new TruncatedPolicyIteration(discount, tolerance, 5).solve(mdp);
            default -> throw new IllegalArgumentException("--algo: unknown algorithm '" + algorithm
                    + "'; expected one of value-iteration, policy-iteration, truncated-policy-iteration");
        };
        double[] values = result.stateValues().toArray();
        int[] policy = new int[values.length];
        for (int s = 0; s < values.length; s++) {
            int action = result.policy().mostProbableAction(s);
            policy[s] = mdp instanceof GamblersProblem gamblers ? gamblers.stake(s, action)
                    : ((JacksCarRental) mdp).move(action);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mdp", chosen.id);
        report.put("algorithm", algorithm.toLowerCase(Locale.ROOT));
        report.put("values", values);
        report.put("policy", policy);
        report.put("policyMeaning", chosen == Preset.GAMBLERS_PROBLEM ? "stake" : "cars moved from the first location to the second");
        report.put("iterations", result.iterations());
        report.put("gamma", discount);
        report.put("converged", result.converged());
        String text = chosen == Preset.GAMBLERS_PROBLEM
                ? gamblersText((GamblersProblem) mdp, result, values, policy)
                : jacksText((JacksCarRental) mdp, result, values, policy);
        output.emit(spec.commandLine().getOut(), text, report);
        return 0;
    }

    private String header(PlanningResult result, String title) {
        return String.format(Locale.ROOT, "%s%n%s: %s after %d iterations%n%n", title, algorithm,
                result.converged() ? "converged" : "stopped WITHOUT converging", result.iterations());
    }

    private String gamblersText(GamblersProblem mdp, PlanningResult result, double[] values, int[] stakes) {
        StringBuilder text = new StringBuilder(header(result, String.format(Locale.ROOT,
                "Gambler's problem (Sutton & Barto Example 4.3): goal %d, p(heads) = %s", mdp.goal(), mdp.headsProbability())));
        text.append("capital   v*(s)      stake (lowest among ties)").append(System.lineSeparator());
        for (int s = 1; s < mdp.goal(); s++) {
            text.append(String.format(Locale.ROOT, "%7d   %.6f   %d%n", s, values[s], stakes[s]));
        }
        return text.toString();
    }

    private String jacksText(JacksCarRental mdp, PlanningResult result, double[] values, int[] moves) {
        int max = mdp.settings().maxCars();
        StringBuilder text = new StringBuilder(header(result,
                "Jack's car rental (Sutton & Barto Example 4.2): rows = cars at the first location (20 at the top), "
                        + "columns = cars at the second"));
        text.append("Policy: cars moved overnight from the first location to the second").append(System.lineSeparator());
        for (int first = max; first >= 0; first--) {
            for (int second = 0; second <= max; second++) {
                text.append(String.format(Locale.ROOT, "%3d", moves[mdp.state(first, second)]));
            }
            text.append(System.lineSeparator());
        }
        text.append(System.lineSeparator()).append("v* (dollars)").append(System.lineSeparator());
        for (int first = max; first >= 0; first--) {
            for (int second = 0; second <= max; second++) {
                text.append(String.format(Locale.ROOT, "%4.0f", values[mdp.state(first, second)]));
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }
}
