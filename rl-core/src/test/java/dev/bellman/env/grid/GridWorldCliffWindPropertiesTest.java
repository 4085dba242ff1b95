package dev.bellman.env.grid;

import dev.bellman.core.Step;
import dev.bellman.core.TabularModel;
import dev.bellman.core.Transition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invariants of random worlds with cliffs and wind: the model is valid, the agent never stands on a
 * wall or a cliff, and every step the environment takes is an outcome of the model.
 */
class GridWorldCliffWindPropertiesTest {

    /** A random world: cells of '.', '#', 'W', 'C', one 'S' and one 'T', and a wind in -2..2 per column. */
    record World(String map, int[] wind) {
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 5);
        return Combinators.combine(size, size).flatAs((rows, cols) -> {
            int n = rows * cols;
            Arbitrary<List<Character>> cells = Arbitraries.of('.', '.', '#', 'W', 'C').list().ofSize(n);
            Arbitrary<Integer> cell = Arbitraries.integers().between(0, n - 1);
            Arbitrary<List<Integer>> wind = Arbitraries.integers().between(-2, 2).list().ofSize(cols);
            return Combinators.combine(cells, cell, cell, wind).as((chars, start, target, strengths) -> {
                StringBuilder map = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    map.append(i == start ? 'S' : i == target ? 'T' : chars.get(i));
                    if (i % cols == cols - 1) {
                        map.append('\n');
                    }
                }
                return new World(map.toString(), strengths.stream().mapToInt(Integer::intValue).toArray());
            });
        }).filter(w -> w.map().indexOf('S') >= 0 && w.map().indexOf('T') >= 0);
    }

    private static GridWorld build(World w, double slip, boolean returnsToStart) {
        return GridWorld.builder(w.map()).wind(w.wind()).slip(slip).cliffReturnsToStart(returnsToStart).build();
    }

    @Property(tries = 200)
    void modelIsValidAndNeverEndsInsideAWallOrAReturningCliff(@ForAll("worlds") World w,
                                                              @ForAll boolean returnsToStart) {
        GridWorld world = build(w, 0.2, returnsToStart);

        TabularModel model = TabularModel.of(world);

        for (int s = 0; s < model.stateCount(); s++) {
            CellType type = world.cell(s);
            assertEquals(type == CellType.WALL || type == CellType.CLIFF, model.isTerminal(s), "state " + s);
            for (int a = 0; a < model.actionCount(); a++) {
                for (int k = model.transitionStart(s, a); k < model.transitionEnd(s, a); k++) {
                    CellType next = world.cell(model.nextState(k));
                    boolean selfLoop = model.nextState(k) == s && model.isTerminal(s);
                    assertTrue(selfLoop || next != CellType.WALL, "never into a wall");
                    assertTrue(selfLoop || !returnsToStart || next != CellType.CLIFF, "a cliff returns to the start");
                }
            }
        }
    }

    @Property(tries = 200)
    void everyStepIsAnOutcomeOfTheModel(@ForAll("worlds") World w, @ForAll boolean returnsToStart,
                                        @ForAll long seed) {
        GridWorld world = build(w, 0.3, returnsToStart);
        SplittableRandom agent = new SplittableRandom(seed);

        int state = world.reset(seed);
        for (int t = 0; t < 300; t++) {
            assertFalse(world.isTerminal(state), "an episode never stands on a terminal, wall or cliff");
            int action = world.actionSpace().sample(agent);
            Step<Integer> step = world.step(action);
            boolean modelled = false;
            for (Transition outcome : world.transitions(state, action)) {
                modelled |= outcome.nextState() == step.observation() && outcome.reward() == step.reward();
            }
            assertTrue(modelled, "step " + state + " -" + action + "-> " + step.observation() + " / "
                    + step.reward() + " is not among " + world.transitions(state, action));
            assertEquals(world.isTerminal(step.observation()), step.terminated());
            state = step.done() ? world.reset() : step.observation();
        }
    }
}
