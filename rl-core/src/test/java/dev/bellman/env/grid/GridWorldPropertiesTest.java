package dev.bellman.env.grid;

import dev.bellman.core.Step;
import dev.bellman.core.TabularModel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of grid worlds built from random rectangular maps of '.', '#', 'W' and one 'T'. */
class GridWorldPropertiesTest {

    @Provide
    Arbitrary<String> maps() {
        Arbitrary<Integer> size = Arbitraries.integers().between(1, 5);
        return Combinators.combine(size, size).flatAs((rows, cols) -> Combinators.combine(
                Arbitraries.of('.', '#', 'W').list().ofSize(rows * cols),
                Arbitraries.integers().between(0, rows * cols - 1)).as((cells, target) -> {
                    StringBuilder map = new StringBuilder();
                    for (int i = 0; i < rows * cols; i++) {
                        map.append(i == target ? 'T' : cells.get(i));
                        if (i % cols == cols - 1) {
                            map.append('\n');
                        }
                    }
                    return map.toString();
                }));
    }

    @Provide
    Arbitrary<Double> slips() {
        return Arbitraries.of(0.0, 0.1, 0.5, 1.0);
    }

    @Property(tries = 300)
    void randomMapGivesValidModel(@ForAll("maps") String map, @ForAll("slips") double slip,
                                  @ForAll boolean withStay, @ForAll boolean targetTerminal) {
        Assume.that(!targetTerminal || map.chars().anyMatch(c -> c == '.' || c == '#'));
        GridWorld world = GridWorld.builder(map).slip(slip).withStay(withStay).targetTerminal(targetTerminal).build();

        TabularModel model = TabularModel.of(world);

        assertEquals(map.length() - map.split("\n").length, model.stateCount());
        assertEquals(withStay ? 5 : 4, model.actionCount());
        for (int s = 0; s < model.stateCount(); s++) {
            assertEquals(world.cell(s) == CellType.WALL || (targetTerminal && world.cell(s) == CellType.TARGET),
                    model.isTerminal(s), "state " + s);
            for (int a = 0; a < model.actionCount(); a++) {
                for (int k = model.transitionStart(s, a); k < model.transitionEnd(s, a); k++) {
                    assertTrue(world.cell(model.nextState(k)) != CellType.WALL || model.nextState(k) == s,
                            "only a wall's own self-loop ends in a wall");
                }
            }
        }
    }

    @Property(tries = 200)
    void randomActionsNeverLeaveObservationSpace(@ForAll("maps") String map, @ForAll("slips") double slip,
                                                 @ForAll boolean targetTerminal, @ForAll long seed) {
        Assume.that(!targetTerminal || map.chars().anyMatch(c -> c == '.' || c == '#'));
        GridWorld world = GridWorld.builder(map).slip(slip).targetTerminal(targetTerminal).build();
        SplittableRandom agent = new SplittableRandom(seed);
        // default rewards: r_boundary -1, r_forbidden -1, r_target +1, r_step 0
        Set<Double> rewards = Set.of(-1.0, 1.0, 0.0);

        int observation = world.reset(seed);
        for (int t = 0; t < 1000; t++) {
            assertTrue(world.observationSpace().contains(observation), "observation " + observation);
            assertFalse(world.isTerminal(observation), "an episode never stands on a terminal state or wall");
            Step<Integer> step = world.step(world.actionSpace().sample(agent));
            assertTrue(world.observationSpace().contains(step.observation()), "observation " + step.observation());
            assertTrue(world.cell(step.observation()) != CellType.WALL, "never inside a wall");
            assertTrue(rewards.contains(step.reward()), "reward " + step.reward());
            assertEquals(world.isTerminal(step.observation()), step.terminated());
            assertFalse(step.truncated());
            observation = step.done() ? world.reset() : step.observation();
        }
    }

    @Property(tries = 100)
    void everyStepOutcomeIsModelled(@ForAll("maps") String map, @ForAll("slips") double slip, @ForAll long seed) {
        GridWorld world = GridWorld.builder(map).slip(slip).build();
        SplittableRandom agent = new SplittableRandom(seed);

        int state = world.reset(seed);
        for (int t = 0; t < 300; t++) {
            int action = world.actionSpace().sample(agent);
            Step<Integer> step = world.step(action);
            boolean modelled = false;
            for (var outcome : world.transitions(state, action)) {
                modelled |= outcome.nextState() == step.observation() && outcome.reward() == step.reward();
            }
            assertTrue(modelled, "step " + state + " -" + action + "-> " + step.observation() + " / "
                    + step.reward() + " is not among " + world.transitions(state, action));
            state = step.observation();
        }
    }

    @Property(tries = 100)
    void renderedPolicyHasOneSymbolPerCell(@ForAll("maps") String map) {
        GridWorld world = GridWorld.builder(map).build();
        int[] actions = new int[world.stateCount()];

        List<String> lines = GridRenderer.policy(world, actions).lines().toList();

        assertEquals(world.rows(), lines.size());
        for (String line : lines) {
            assertEquals(2 * world.cols() - 1, line.length());
        }
    }
}
