package dev.bellman.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bellman gridworld} end to end, in this JVM. */
class GridWorldCommandTest {

    /** Zhao Fig. 3.4 (a): v* of the 5x5 world, gamma 0.9, rewards -1/-1/+1/0. */
    private static final double[][] ZHAO_FIG_3_4_A = {
            {5.832, 5.58, 6.2, 6.48, 5.832},
            {6.48, 7.2, 8.0, 7.2, 6.48},
            {7.2, 8.0, 10.0, 8.0, 7.2},
            {8.0, 10.0, 10.0, 10.0, 8.0},
            {7.2, 9.0, 10.0, 9.0, 8.1}};


    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static void assertUsageError(CommandRun run, String expectedFragment) {
        run.assertUsageError(expectedFragment);
    }

    @Test
    void defaultRunSolvesZhaosWorldWithArrows() {
        CommandRun run = run("gridworld");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("value-iteration: converged"), run.out());
        assertTrue(run.out().contains(" 5.8   5.6   6.2   6.5   5.8"), run.out());
        assertTrue(run.out().contains("\u2192 \u2192 \u25cb \u2190 \u2190"), "row 4 of the policy: " + run.out());
        assertEquals("", run.err());
    }

    @Test
    void jsonHasTheBooksValuesAndGreedyActions() throws IOException {
        for (String algo : new String[]{"value-iteration", "policy-iteration", "truncated-policy-iteration"}) {
            CommandRun run = run("gridworld", "--algo", algo, "--format", "json");
            assertEquals(0, run.status(), run.err());
            JsonNode json = run.json();
            assertEquals(algo, json.get("algorithm").asText());
            for (int r = 0; r < 5; r++) {
                for (int c = 0; c < 5; c++) {
                    assertEquals(ZHAO_FIG_3_4_A[r][c], json.get("values").get(r).get(c).asDouble(), 1e-4, algo);
                }
            }
            // Ties go to the lowest action index: (3,1) may go right or down, (1,5) down or left.
            assertEquals("RIGHT", json.at("/policy/2/0").asText());
            assertEquals("DOWN", json.at("/policy/0/4").asText());
            assertEquals("STAY", json.at("/policy/3/2").asText());
            assertTrue(json.get("iterations").asInt() > 0);
        }
    }

    @Test
    void valueIterationSweepCountIsReported() throws IOException {
        // gamma = 0.9 from v0 = 0, tolerance 1e-10: the change after k sweeps shrinks like 0.9^k.
        JsonNode json = run("gridworld", "--format", "json").json();
        assertEquals(220, json.get("iterations").asInt());
    }

    @Test
    void terminalCellsHaveNullPolicyAndZeroValue() throws IOException {
        JsonNode json = run("gridworld", "--preset", "sutton-barto-4.1", "--algo", "policy-evaluation", "--format", "json").json();
        assertTrue(json.at("/policy/0/0").isNull());
        assertTrue(json.at("/policy/3/3").isNull());
        assertEquals(0.0, json.at("/values/0/0").asDouble());
        assertEquals(-14.0, json.at("/values/0/1").asDouble(), 1e-8);
        assertEquals(-22.0, json.at("/values/0/3").asDouble(), 1e-8);
        // The uniform policy's most probable action is the lowest index among ties.
        assertEquals("UP", json.at("/policy/1/1").asText());
    }

    @Test
    void rewardOptionsChangeTheWorld() throws IOException {
        // Zhao Fig. 3.4 (d): r_forbidden = -10 makes the optimal policy avoid every forbidden cell.
        JsonNode json = run("gridworld", "--reward-forbidden", "-10", "--format", "json").json();
        assertEquals(3.486784, json.at("/values/0/0").asDouble(), 1e-4);
        assertEquals(2.287679, json.at("/values/4/0").asDouble(), 1e-4);
        JsonNode gammaHalf = run("gridworld", "--gamma", "0.5", "--format", "json").json();
        assertEquals(0.25, gammaHalf.at("/values/3/4").asDouble(), 1e-4);
    }

    @Test
    void policyFileIsEvaluatedAndMadeEpsilonGreedy(@TempDir Path dir) throws IOException {
        // Zhao Fig. 2.4: s1 down, s2 down, s3 right, s4 stay on the 2x2 world -> v = (9, 10, 10, 10).
        Path map = Files.writeString(dir.resolve("map.txt"), ".#\n.T\n");
        Path policy = Files.writeString(dir.resolve("policy.txt"), "D D\nR S\n");
        JsonNode json = run("gridworld", "--map", map.toString(), "--algo", "policy-evaluation",
                "--policy", policy.toString(), "--format", "json").json();
        assertEquals(9.0, json.at("/values/0/0").asDouble(), 1e-8);
        assertEquals(10.0, json.at("/values/0/1").asDouble(), 1e-8);
        assertEquals("DOWN", json.at("/policy/0/0").asText());

        JsonNode soft = run("gridworld", "--map", map.toString(), "--algo", "policy-evaluation",
                "--policy", policy.toString(), "--epsilon", "0.2", "--format", "json").json();
        assertTrue(soft.at("/values/0/0").asDouble() < 9.0, "exploration costs value");
        assertEquals("DOWN", soft.at("/policy/0/0").asText());
    }

    @Test
    void forbiddenBumpSumChangesTheBumpReward(@TempDir Path dir) throws IOException {
        // A 1x2 strip whose left cell is forbidden; LEFT from it bumps the boundary.
        Path map = Files.writeString(dir.resolve("map.txt"), "#T\n");
        Path policy = Files.writeString(dir.resolve("policy.txt"), "LS\n");
        String[] base = {"gridworld", "--map", map.toString(), "--algo", "policy-evaluation", "--policy", policy.toString(),
                "--gamma", "0", "--format", "json"};
        assertEquals(-1.0, run(base).json().at("/values/0/0").asDouble(), 1e-12);
        String[] sum = java.util.Arrays.copyOf(base, base.length + 2);
        sum[base.length] = "--forbidden-bump";
        sum[base.length + 1] = "sum";
        assertEquals(-2.0, run(sum).json().at("/values/0/0").asDouble(), 1e-12);
    }

    @Test
    void outWritesTextAndJson(@TempDir Path dir) throws IOException {
        CommandRun run = run("gridworld", "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals(run.out(), Files.readString(dir.resolve("result.txt")));
        assertEquals(220, new ObjectMapper().readTree(dir.resolve("result.json").toFile()).get("iterations").asInt());
    }

    @Test
    void outDrawsTheValuesAsPngAndSvg(@TempDir Path dir) throws Exception {
        CommandRun run = run("gridworld", "--decimals", "2", "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        assertEquals("", run.err());
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(dir.resolve("values.png").toFile());
        assertTrue(png.getWidth() >= 5 * GridPicture.PREFERRED_CELL, "width " + png.getWidth());
        String svg = Files.readString(dir.resolve("values.svg"));
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(svg.contains(">5.83</text>"), "--decimals 2 in the picture too");
        assertTrue(svg.contains("zhao-5x5: value-iteration, \u03b3 = 0.9"), "the title");
    }

    @Test
    void largeWorldsSkipThePictureWithOneLine(@TempDir Path dir) throws IOException {
        // 101 x 101 = 10,201 cells: above GridPicture.MAX_CELLS.
        CommandRun large = run("gridworld", "--size", "101", "--out", dir.resolve("large").toString());
        assertEquals(0, large.status(), large.err());
        assertEquals("bellman gridworld: values.png and values.svg not written: the 101x101 grid has 10,201 cells, "
                + "more than the 10,000 a picture draws", large.err().strip());
        assertTrue(Files.exists(dir.resolve("large/result.json")));
        assertTrue(!Files.exists(dir.resolve("large/values.png")) && !Files.exists(dir.resolve("large/values.svg")));

        CommandRun small = run("gridworld", "--size", "12", "--out", dir.resolve("small").toString());
        assertEquals(0, small.status(), small.err());
        assertEquals("", small.err());
        assertTrue(Files.size(dir.resolve("small/values.png")) > 10_000);
        assertTrue(Files.readString(dir.resolve("small/values.svg")).contains("data-type=\"wall\""));

        Path mapFile = Files.writeString(dir.resolve("big.txt"), "T" + ".".repeat(100) + "\n"
                + (".".repeat(101) + "\n").repeat(99));
        CommandRun map = run("gridworld", "--map", mapFile.toString(), "--out", dir.resolve("map").toString());
        assertEquals(0, map.status(), map.err());
        assertTrue(map.err().contains("the 100x101 grid has 10,100 cells"), map.err());
    }

    @Test
    void badArgumentsExitWithStatusTwoAndOneLine(@TempDir Path dir) throws IOException {
        assertUsageError(run("gridworld", "--gamma", "1.5"), "--gamma 1.5 is outside [0, 1]");
        assertUsageError(run("gridworld", "--gamma", "abc"), "--gamma");
        assertUsageError(run("gridworld", "--tolerance", "-1"), "--tolerance -1.0");
        assertUsageError(run("gridworld", "--algo", "nope"), "unknown algorithm 'nope'; expected one of value-iteration");
        assertUsageError(run("gridworld", "--preset", "nope"), "unknown grid world preset 'nope'; expected one of zhao-5x5");
        assertUsageError(run("gridworld", "--format", "xml"), "--format xml");
        assertUsageError(run("gridworld", "--forbidden-bump", "both"), "--forbidden-bump both");
        assertUsageError(run("gridworld", "--epsilon", "0.1"), "--epsilon applies only to learners, policy-evaluation and td-linear");
        assertUsageError(run("gridworld", "--episodes", "10"), "--episodes applies only to model-free learners");
        assertUsageError(run("gridworld", "--algo", "sarsa", "--episodes", "10", "--steps", "10"), "exclusive");
        assertUsageError(run("gridworld", "--algo", "sarsa", "--alpha", "0"), "--alpha 0.0 is outside (0, 1]");
        assertUsageError(run("gridworld", "--algo", "sarsa-lambda", "--lambda", "2"), "--lambda 2.0 is outside [0, 1]");
        assertUsageError(run("gridworld", "--algo", "n-step-sarsa", "--n", "0"), "--n 0 must be at least 1");
        assertUsageError(run("gridworld", "--algo", "q-learning", "--episodes", "0"), "--episodes 0 must be at least 1");
        assertUsageError(run("gridworld", "--gamma", "1"), "gamma = 1 needs every state to reach a terminal state");
        assertUsageError(run("gridworld", "--bogus"), "Unknown option: '--bogus'");
        assertUsageError(run("gridworld", "--map", dir.resolve("missing.txt").toString()), "no such file");

        Path ragged = Files.writeString(dir.resolve("ragged.txt"), "...\n..\n..T\n");
        assertUsageError(run("gridworld", "--map", ragged.toString()), "map line 2 has 2 cells; expected 3");
        Path noTarget = Files.writeString(dir.resolve("empty.txt"), "...\n...\n");
        assertUsageError(run("gridworld", "--map", noTarget.toString()), "map has no target cell 'T'");
        Path policy = Files.writeString(dir.resolve("policy.txt"), "RRRRR\nRRRRR\nRRXRR\nRRRRR\nRRRRR\n");
        assertUsageError(run("gridworld", "--algo", "policy-evaluation", "--policy", policy.toString()),
                "line 3, cell 3: unknown action letter 'X'");
        assertUsageError(run(), "missing subcommand");
    }

    @Test
    void learnersReportValuesPolicyPathAndMetrics(@TempDir Path dir) throws IOException {
        // Q-learning with wide exploration on short episodes learns v* of Zhao's world (see QLearningTest).
        CommandRun run = run("gridworld", "--algo", "q-learning", "--episodes", "20000", "--epsilon", "0.5",
                "--episode-length", "20", "--seed", "3", "--format", "json", "--out", dir.toString());
        assertEquals(0, run.status(), run.err());
        JsonNode json = run.json();
        assertEquals("q-learning", json.get("algorithm").asText());
        assertEquals(20000, json.get("episodes").asInt());
        assertEquals(400000, json.get("steps").asLong());
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(ZHAO_FIG_3_4_A[r][c], json.get("values").get(r).get(c).asDouble(), 1e-2);
            }
        }
        assertTrue(json.get("pathReachesGoal").asBoolean());
        assertEquals(2, json.at("/path/0").size());
        java.util.List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals("episode,steps,return,length", csv.get(0));
        assertEquals(20001, csv.size());
        assertTrue(csv.get(1).startsWith("1,20,"), csv.get(1));
        assertTrue(Files.size(dir.resolve("learning-curve.png")) > 10_000);
        assertTrue(Files.size(dir.resolve("values.png")) > 10_000, "learners draw their values too");

        CommandRun text = run("gridworld", "--algo", "sarsa", "--episodes", "50", "--quiet");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("Learning curve: "), text.out());
        assertTrue(text.out().contains("Greedy path from (0,0)"), text.out());
    }

    @Test
    void sameSeedSameNumbersFromTheCommandLine() {
        String first = run("gridworld", "--algo", "double-q-learning", "--episodes", "200", "--seed", "5", "--format", "json").out();
        String again = run("gridworld", "--algo", "double-q-learning", "--episodes", "200", "--seed", "5", "--format", "json").out();
        String other = run("gridworld", "--algo", "double-q-learning", "--episodes", "200", "--seed", "6", "--format", "json").out();
        assertEquals(first, again);
        assertTrue(!first.equals(other));
    }

    @Test
    void mdpCommandSolvesTheGamblersProblem() throws IOException {
        CommandRun run = run("mdp", "--preset", "gamblers-problem", "--format", "json");
        assertEquals(0, run.status(), run.err());
        JsonNode json = run.json();
        assertEquals(0.16, json.at("/values/25").asDouble(), 1e-8);
        assertEquals(0.4, json.at("/values/50").asDouble(), 1e-8);
        assertEquals(0.64, json.at("/values/75").asDouble(), 1e-8);
        assertEquals(50, json.at("/policy/50").asInt());
        assertEquals(101, json.get("policy").size());
        assertUsageError(run("mdp", "--preset", "roulette"), "unknown MDP 'roulette'; expected one of gamblers-problem, jacks-car-rental");
        assertUsageError(run("mdp", "--preset", "gamblers-problem", "--heads", "1.5"), "--heads 1.5 is outside (0, 1)");
        assertUsageError(run("mdp"), "Missing required option: '--preset=NAME'");
    }

    @Test
    void mcBasicFromTheCommandLineReproducesZhaoFigure5_4() throws IOException {
        // Zhao Fig. 5.4 (r_forbidden = -10): with episode length 1 only the target and its four neighbours
        // see a reward (+1); with length 100 the values are v* of Fig. 3.4 (d) to within 0.9^100 * 10.
        JsonNode shortEpisodes = run("gridworld", "--algo", "mc-basic", "--episode-length", "1", "--reward-forbidden", "-10",
                "--episodes", "100000", "--format", "json").json();
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                boolean nearTarget = Math.abs(r - 3) + Math.abs(c - 2) <= 1;
                assertEquals(nearTarget ? 1.0 : 0.0, shortEpisodes.get("values").get(r).get(c).asDouble(), 1e-12, r + "," + c);
            }
        }
        JsonNode longEpisodes = run("gridworld", "--algo", "mc-basic", "--episode-length", "100", "--reward-forbidden", "-10",
                "--episodes", "100000", "--format", "json").json();
        assertEquals(3.486784, longEpisodes.at("/values/0/0").asDouble(), 3e-4);
        assertEquals(2.287679, longEpisodes.at("/values/4/0").asDouble(), 3e-4);
    }

    @Test
    void tdLinearEstimatesTheRandomPolicysValuesAndReportsItsError() throws IOException {
        // Zhao §8.2.4: TD-Linear with cubic features of (x, y), 500 episodes of 500 steps, alpha 0.0005;
        // the exact values are Zhao's (−3.8 at the top-left corner, −4.5 at the bottom-left).
        JsonNode json = run("gridworld", "--algo", "td-linear", "--features", "polynomial:3", "--format", "json").json();
        assertEquals("td-linear", json.get("algorithm").asText());
        assertEquals(10, json.get("weights").size());
        assertEquals(-3.8, json.at("/exactValues/0").asDouble(), 0.05);
        assertEquals(-4.5, json.at("/exactValues/20").asDouble(), 0.05);
        double rmse = json.get("rmse").asDouble();
        assertTrue(rmse > 0.10 && rmse < 0.17, "RMSE " + rmse);
        assertEquals(250_000, json.get("steps").asLong());
        double richer = run("gridworld", "--algo", "td-linear", "--features", "fourier:3", "--format", "json").json()
                .get("rmse").asDouble();
        double poorer = run("gridworld", "--algo", "td-linear", "--features", "polynomial:1", "--format", "json").json()
                .get("rmse").asDouble();
        assertTrue(richer < rmse && rmse < poorer, "fourier:3 " + richer + ", polynomial:3 " + rmse + ", polynomial:1 " + poorer);
        CommandRun text = run("gridworld", "--algo", "td-linear", "--episodes", "20");
        assertTrue(text.out().contains("Exact state values of the policy"), text.out());
    }

    @Test
    void badFeatureSpecificationsExitWithStatusTwo() {
        assertUsageError(run("gridworld", "--algo", "td-linear", "--features", "cubic:3"), "--features cubic:3 is not allowed");
        assertUsageError(run("gridworld", "--algo", "td-linear", "--features", "polynomial:-1"), "size -1 is outside [0, 4096]");
        assertUsageError(run("gridworld", "--algo", "td-linear", "--features", "polynomial:x"), "must be integers");
        assertUsageError(run("gridworld", "--algo", "td-linear", "--features", "tile-coding:8"), "has 1 sizes");
        assertUsageError(run("gridworld", "--features", "polynomial:2"), "--features applies only to td-linear");
        assertUsageError(run("gridworld", "--algo", "td-linear", "--alpha", "0"), "--alpha 0.0 is outside (0, 1]");
    }
}
