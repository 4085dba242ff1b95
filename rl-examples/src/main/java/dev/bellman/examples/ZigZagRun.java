package dev.bellman.examples;

import dev.bellman.core.CompactModel;
import dev.bellman.core.CompactModelFiles;
import dev.bellman.core.TabularActionValues;
import dev.bellman.core.TabularPolicy;
import dev.bellman.env.grid.GridAction;
import dev.bellman.env.grid.GridWorld;
import dev.bellman.env.grid.ZigZagGrid;
import dev.bellman.tabular.dp.PlanningResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bellman gridworld --size N}: builds the zig-zag grid of issue 10 ({@link ZigZagGrid}),
 * solves it with a planner for large models, and checks the values against the closed form
 * {@code v*(s) = −(1 − γ^d)/(1 − γ)}, {@code d} the shortest-path distance of {@code s} to the goal.
 *
 * @param size       the side n: {@code n × n} states
 * @param precision  the storage of the model's rewards
 * @param settings   the planner and its settings
 * @param writeModel where to save the generated model, or null
 */
record ZigZagRun(int size, CompactModel.Precision precision, LargePlanner.Settings settings, Path writeModel) {

    /**
     * The largest side: the model's {@code 4n²} state-action pairs must fit in an int array.
     */
    static final int MAX_SIZE = 23_170;
    /** Sides up to this print the map; larger grids print only the figures. */
    static final int MAX_PRINTED_SIZE = 20;

    /**
     * Parses {@code --size}: {@code NxN} with equal sides, or {@code N}.
     *
     * @throws IllegalArgumentException naming {@code --size} and what is allowed
     */
    static int parseSize(String text) {
        String[] sides = text.strip().toLowerCase(Locale.ROOT).split("[x\u00d7]", -1);
        if (sides.length > 2 || sides[0].isEmpty()) {
            throw new IllegalArgumentException("--size " + text + " is not a size; expected NxN (e.g. 1000x1000) or N");
        }
        int[] parsed = new int[sides.length];
        for (int i = 0; i < sides.length; i++) {
            try {
                parsed[i] = Integer.parseInt(sides[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--size " + text + " is not a size; expected NxN (e.g. 1000x1000) or N");
            }
        }
        if (parsed.length == 2 && parsed[0] != parsed[1]) {
            throw new IllegalArgumentException("--size " + text + " is not square; the zig-zag grid is NxN: give equal "
                    + "sides (e.g. " + parsed[0] + "x" + parsed[0] + ") or N");
        }
        int n = parsed[0];
        if (n < ZigZagGrid.MIN_SIZE) {
            throw new IllegalArgumentException("--size " + text + " is below the minimum " + ZigZagGrid.MIN_SIZE + "x"
                    + ZigZagGrid.MIN_SIZE + " (smaller zig-zag grids cut the start off the goal)");
        }
        if (n > MAX_SIZE) {
            throw new IllegalArgumentException("--size " + text + " is above the maximum " + MAX_SIZE + "x" + MAX_SIZE
                    + " (4n^2 state-action pairs must fit in an int array)");
        }
        return n;
    }

    /** @throws IllegalArgumentException unless {@code text} is float or double */
    static CompactModel.Precision parsePrecision(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "float" -> CompactModel.Precision.FLOAT;
            case "double" -> CompactModel.Precision.DOUBLE;
            default -> throw new IllegalArgumentException("--precision " + text + " is not allowed; expected float or double");
        };
    }

    /** What the run measured, for both reports. */
    private record Outcome(CompactModel model, double buildSeconds, LargePlanner.Run run, int startDistance,
                           double startValue, double startClosedForm, double maxError, double writeSeconds,
                           String map) {
    }

    /**
     * Builds, solves and checks the grid, and saves the model if asked.
     *
     * @return the JSON report, the text report and the planner's result
     * @throws IllegalArgumentException if the JVM's heap cannot hold the model, or the model file
     *                                  cannot be written
     */
    Reports execute() {
        Outcome outcome;
        try {
            outcome = measure();
        } catch (OutOfMemoryError e) {
            long pairs = 4L * size * size;
            long needed = pairs * (precision == CompactModel.Precision.FLOAT ? 8 : 12) + 13L * size * size;
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--size %dx%d: the JVM ran out of heap "
                            + "(at most %.0f MB); the model and values alone need about %.0f MB: give Java more heap, "
                            + "e.g. JAVA_TOOL_OPTIONS=-Xmx8g", size, size, Runtime.getRuntime().maxMemory() / LargePlanner.MB,
                    needed / LargePlanner.MB));
        }
        return new Reports(json(outcome), text(outcome), outcome.run().result());
    }

    /**
     * What a run gives the command.
     *
     * @param json   the JSON report
     * @param text   the text report
     * @param result the planner's values and policy, by zig-zag state {@code x·n + y}
     */
    record Reports(Map<String, Object> json, String text, PlanningResult result) {
    }

    /**
     * The picture of a solved zig-zag grid, drawn as the map prints it (y up: the start bottom-left,
     * the goal top-right), with every greedy action of a tie.
     *
     * @throws IllegalArgumentException if the grid has more than {@link GridPicture#MAX_CELLS} cells
     */
    static GridPicture picture(int n, PlanningResult result, String title) {
        GridWorld world = GridWorld.builder(mapOf(n)).withStay(false).targetTerminal(true).build();
        // The zig-zag actions (north, south, east, west) as grid actions (up, down, right, left).
        int[] asGridAction = new int[ZigZagGrid.ACTIONS];
        asGridAction[ZigZagGrid.NORTH] = GridAction.UP.ordinal();
        asGridAction[ZigZagGrid.SOUTH] = GridAction.DOWN.ordinal();
        asGridAction[ZigZagGrid.EAST] = GridAction.RIGHT.ordinal();
        asGridAction[ZigZagGrid.WEST] = GridAction.LEFT.ordinal();
        double[] zigZagValues = result.stateValues().toArray();
        TabularActionValues q = result.actionValues();
        double[] values = new double[n * n];
        double[] qByCell = new double[n * n * ZigZagGrid.ACTIONS];
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                int from = ZigZagGrid.state(n, x, y);
                int cell = world.state(n - 1 - y, x);
                values[cell] = zigZagValues[from];
                for (int a = 0; a < ZigZagGrid.ACTIONS; a++) {
                    qByCell[cell * ZigZagGrid.ACTIONS + asGridAction[a]] = q.value(from, a);
                }
            }
        }
        TabularPolicy arrows = GridPicture.greedyWithTies(new TabularActionValues(n * n, ZigZagGrid.ACTIONS, qByCell));
        return GridPicture.builder(world, values).policy(arrows).title(title).build();
    }

    private Outcome measure() {
        long start = System.nanoTime();
        CompactModel model = ZigZagGrid.model(size, precision);
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        double writeSeconds = Double.NaN;
        if (writeModel != null) {
            start = System.nanoTime();
            try {
                CompactModelFiles.write(model, writeModel);
            } catch (IOException e) {
                throw new IllegalArgumentException("--write-model " + writeModel + ": cannot be written (" + OptionChecks.describe(e) + ")");
            }
            writeSeconds = (System.nanoTime() - start) / 1e9;
        }
        LargePlanner.Run run = LargePlanner.solve(model, settings);

        double[] values = run.result().stateValues().toArray();
        int[] distances = ZigZagGrid.distances(size);
        double gamma = settings.gamma();
        double maxError = 0;
        for (int s = 0; s < values.length; s++) {
            // Walls (distance -1) are terminal with value 0.
            double exact = distances[s] < 0 ? 0 : ZigZagGrid.optimalValue(distances[s], gamma);
            maxError = Math.max(maxError, Math.abs(values[s] - exact));
        }
        int startState = ZigZagGrid.state(size, 0, 0);
        int startDistance = distances[startState];
        return new Outcome(model, buildSeconds, run, startDistance, values[startState],
                ZigZagGrid.optimalValue(startDistance, gamma), maxError, writeSeconds,
                size <= MAX_PRINTED_SIZE ? map() : null);
    }

    /** @return the grid with y up: S start, T goal, W wall, . free */
    private String map() {
        return mapOf(size);
    }

    private static String mapOf(int size) {
        StringBuilder map = new StringBuilder();
        for (int y = size - 1; y >= 0; y--) {
            for (int x = 0; x < size; x++) {
                boolean wall = ZigZagGrid.isWall(size, x, y);
                map.append(x == 0 && y == 0 ? 'S' : x == size - 1 && y == size - 1 ? 'T' : wall ? 'W' : '.');
            }
            map.append(System.lineSeparator());
        }
        return map.toString();
    }

    private Map<String, Object> json(Outcome outcome) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("world", "zig-zag");
        report.put("size", size);
        LargePlanner.addModelTo(report, outcome.model());
        report.put("buildSeconds", outcome.buildSeconds());
        outcome.run().addTo(report);
        report.put("startDistance", outcome.startDistance());
        report.put("startValue", outcome.startValue());
        report.put("startClosedForm", outcome.startClosedForm());
        report.put("maxClosedFormError", outcome.maxError());
        LargePlanner.addHeapTo(report);
        if (writeModel != null) {
            report.put("modelFile", writeModel.toString());
            report.put("writeSeconds", outcome.writeSeconds());
        }
        return report;
    }

    private String text(Outcome outcome) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "zig-zag grid %dx%d (issue 10): start (0,0), goal (%d,%d), walls at x = %d "
                        + "and x = %d, -1 per step; built in %.3f s%n", size, size, size - 1, size - 1, size / 3,
                2 * size / 3, outcome.buildSeconds()));
        text.append(LargePlanner.modelText(outcome.model()));
        if (writeModel != null) {
            text.append(String.format(Locale.ROOT, "model written to %s in %.3f s (bellman mdp --file %s solves it)%n",
                    writeModel, outcome.writeSeconds(), writeModel));
        }
        if (outcome.map() != null) {
            text.append(System.lineSeparator()).append("Map (y up; S start, T goal, W wall)")
                    .append(System.lineSeparator()).append(outcome.map()).append(System.lineSeparator());
        }
        text.append(outcome.run().text());
        double gamma = settings.gamma();
        text.append(String.format(Locale.ROOT, "start (0,0): v = %.9f, closed form -(1 - %s^%d)/(1 - %s) = %.9f%n",
                outcome.startValue(), gamma, outcome.startDistance(), gamma, outcome.startClosedForm()));
        text.append(String.format(Locale.ROOT, "max |v(s) - v*(s)| over all %,d states against the closed form: %.3g%n",
                outcome.model().stateCount(), outcome.maxError()));
        text.append(LargePlanner.heapText());
        return text.toString();
    }
}
