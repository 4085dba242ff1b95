package dev.bellman.bench;

import burlap.domain.singleagent.gridworld.GridWorldDomain;
import burlap.domain.singleagent.gridworld.GridWorldTerminalFunction;
import burlap.domain.singleagent.gridworld.state.GridWorldState;
import burlap.mdp.core.action.Action;
import burlap.mdp.core.action.SimpleAction;
import burlap.mdp.core.state.State;
import burlap.mdp.singleagent.common.UniformCostRF;
import burlap.mdp.singleagent.environment.SimulatedEnvironment;
import burlap.mdp.singleagent.oo.OOSADomain;
import dev.bellman.env.grid.GridAction;
import dev.bellman.env.grid.GridWorld;

import java.util.List;

/**
 * The world of the Q-learning benchmark, written once for each library: an open
 * {@code size × size} grid, the agent starting in the top-left cell, a terminal goal in the
 * bottom-right cell, the four moves, and a reward of {@value #REWARD_STEP} for every step, a bump
 * into the boundary (which leaves the agent in place) and the step onto the goal included. This is
 * the shortest-path task of Sutton &amp; Barto's episodic grid worlds, and exactly what BURLAP's
 * {@link GridWorldDomain} gives with its own {@link UniformCostRF} and
 * {@link GridWorldTerminalFunction}, so neither side needs code of ours in its step. The shortest
 * path takes {@code 2 (size - 1)} steps. Immutable.
 *
 * <p>Cells map as in {@link BurlapGridWorld}: BURLAP's {@code x = col}, {@code y = size - 1 - row},
 * so that BURLAP's {@code north} ({@code y + 1}) is Bellman's {@code UP} ({@code row - 1}).
 */
public final class ShortestPathGrid {

    /** The reward of every step. */
    public static final double REWARD_STEP = -1;

    /**
     * BURLAP's action names in Bellman's action order, {@code UP, RIGHT, DOWN, LEFT}: the BURLAP
     * action that does what Bellman's action {@code a} does is {@code BURLAP_ACTIONS.get(a)}.
     */
    public static final List<String> BURLAP_ACTIONS = List.of(GridWorldDomain.ACTION_NORTH,
            GridWorldDomain.ACTION_EAST, GridWorldDomain.ACTION_SOUTH, GridWorldDomain.ACTION_WEST);

    private final int size;

    private ShortestPathGrid(int size) {
        this.size = size;
    }

    /**
     * @param size the number of rows and of columns, at least 2 and at most 1000
     * @return the {@code size × size} shortest-path grid
     * @throws IllegalArgumentException if {@code size} is outside {@code [2, 1000]}
     */
    public static ShortestPathGrid of(int size) {
        if (size < 2 || size > 1000) {
            throw new IllegalArgumentException("grid size " + size + " is outside [2, 1000]");
        }
        return new ShortestPathGrid(size);
    }

    /** @return the number of rows, which is also the number of columns */
    public int size() {
        return size;
    }

    /** @return the number of steps of a shortest path from the start to the goal, {@code 2 (size - 1)} */
    public int shortestPathLength() {
        return 2 * (size - 1);
    }

    /** @return the map in Bellman's ASCII format: {@code S} top left, {@code T} bottom right, {@code .} elsewhere */
    public String map() {
        StringBuilder map = new StringBuilder((size + 1) * size);
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                boolean start = row == 0 && col == 0;
                boolean goal = row == size - 1 && col == size - 1;
                map.append(start ? 'S' : goal ? 'T' : '.');
            }
            map.append('\n');
        }
        return map.toString();
    }

    /** @return this world as a Bellman {@link GridWorld}: four actions, the target terminal, every reward -1 */
    public GridWorld gridWorld() {
        return GridWorld.builder(map())
                .withStay(false)
                .targetTerminal(true)
                .rewardStep(REWARD_STEP)
                .rewardBoundary(REWARD_STEP)
                .rewardTarget(REWARD_STEP)
                .build();
    }

    /**
     * @return this world as BURLAP's own grid world: {@link GridWorldDomain} with deterministic
     *         moves, {@link UniformCostRF} (-1 per step) and a {@link GridWorldTerminalFunction} at
     *         the bottom-right cell
     */
    public OOSADomain burlapDomain() {
        GridWorldDomain generator = new GridWorldDomain(size, size);
        generator.setDeterministicTransitionDynamics();
        generator.setRf(new UniformCostRF());
        generator.setTf(new GridWorldTerminalFunction(size - 1, 0));
        return generator.generateDomain();
    }

    /**
     * @param row the row, 0 at the top
     * @param col the column, 0 at the left
     * @return BURLAP's state for the agent in Bellman's cell {@code (row, col)}
     */
    public State burlapStateAt(int row, int col) {
        return new GridWorldState(col, size - 1 - row);
    }

    /** @return BURLAP's state for the agent in the start cell, top left */
    public State burlapStart() {
        return burlapStateAt(0, 0);
    }

    /**
     * @param domain a domain from {@link #burlapDomain()}
     * @return a BURLAP environment of that domain that starts, and restarts on
     *         {@link SimulatedEnvironment#resetEnvironment()}, in the top-left cell
     */
    public SimulatedEnvironment burlapEnvironment(OOSADomain domain) {
        return new SimulatedEnvironment(domain, burlapStart());
    }

    /**
     * @param action Bellman's action, one of the four moves
     * @return the BURLAP action that does what Bellman's action {@code action} does
     * @throws IllegalArgumentException for {@link GridAction#STAY}, which this world does not have
     */
    public static Action burlapAction(GridAction action) {
        if (action.ordinal() >= BURLAP_ACTIONS.size()) {
            throw new IllegalArgumentException("action " + action + " is not one of this world's four moves "
                    + "(UP, RIGHT, DOWN, LEFT)");
        }
        return new SimpleAction(BURLAP_ACTIONS.get(action.ordinal()));
    }
}
