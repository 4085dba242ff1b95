package dev.bellman.bench;

import burlap.behavior.singleagent.planning.stochastic.valueiteration.ValueIteration;
import burlap.domain.singleagent.gridworld.GridWorldDomain;
import burlap.domain.singleagent.gridworld.state.GridAgent;
import burlap.domain.singleagent.gridworld.state.GridWorldState;
import burlap.mdp.auxiliary.common.NullTermination;
import burlap.mdp.core.StateTransitionProb;
import burlap.mdp.core.action.Action;
import burlap.mdp.core.action.UniversalActionType;
import burlap.mdp.core.state.State;
import burlap.mdp.singleagent.SADomain;
import burlap.mdp.singleagent.model.FactoredModel;
import burlap.mdp.singleagent.model.RewardFunction;
import burlap.mdp.singleagent.model.statemodel.FullStateModel;
import burlap.mdp.singleagent.oo.OOSADomain;
import burlap.statehashing.simple.SimpleHashableStateFactory;

import java.util.List;

/**
 * A {@link BenchmarkGrid} as a BURLAP 3.0.1 domain, for side-by-side runs.
 *
 * <p>BURLAP's own {@link GridWorldDomain} supplies the states ({@link GridWorldState}, an agent
 * object with {@code x} and {@code y}), the moves {@code north, south, east, west} and their
 * deterministic movement model. Two things Zhao's world needs that BURLAP's grid world does not have
 * are added the way a BURLAP user would add them: Zhao's rewards as a {@link RewardFunction}
 * (BURLAP's default is a uniform cost of -1), and, when asked for, a fifth action {@code stay}
 * whose model copies the state (BURLAP's grid world has only the four moves). The task is
 * continuing ({@link NullTermination}), as in Bellman. States are hashed with BURLAP's default
 * {@link SimpleHashableStateFactory}.
 *
 * <p>Cells map as {@code x = col}, {@code y = size - 1 - row}, so that BURLAP's north ({@code y + 1})
 * is Bellman's {@code UP} ({@code row - 1}) and the two libraries solve the same MDP.
 */
public final class BurlapGridWorld {

    /** The name of the added fifth action. */
    public static final String ACTION_STAY = "stay";

    private final BenchmarkGrid grid;
    private final OOSADomain domain;
    private final int actionCount;

    private BurlapGridWorld(BenchmarkGrid grid, OOSADomain domain, int actionCount) {
        this.grid = grid;
        this.domain = domain;
        this.actionCount = actionCount;
    }

    /**
     * @param grid     the world
     * @param withStay add the {@code stay} action (five actions, as Bellman's world) or keep
     *                 BURLAP's four moves
     * @return the world as a BURLAP domain
     */
    public static BurlapGridWorld of(BenchmarkGrid grid, boolean withStay) {
        GridWorldDomain generator = new GridWorldDomain(grid.size(), grid.size());
        generator.setDeterministicTransitionDynamics();
        OOSADomain domain = generator.generateDomain();
        FullStateModel moves = (FullStateModel) ((FactoredModel) domain.getModel()).getStateModel();
        FullStateModel dynamics = withStay ? new MovesOrStay(moves) : moves;
        domain.setModel(new FactoredModel(dynamics, new ZhaoRewards(grid), new NullTermination()));
        if (withStay) {
            domain.addActionType(new UniversalActionType(ACTION_STAY));
        }
        return new BurlapGridWorld(grid, domain, withStay ? 5 : 4);
    }

    /** @return the BURLAP domain */
    public SADomain domain() {
        return domain;
    }

    /** @return the number of actions, 4 or 5 */
    public int actionCount() {
        return actionCount;
    }

    /** @return the state with the agent in the top-left cell, from which every cell is reachable */
    public State initialState() {
        return stateAt(0, 0);
    }

    /**
     * @param row the row, 0 at the top
     * @param col the column, 0 at the left
     * @return BURLAP's state for the agent in Bellman's cell {@code (row, col)}
     */
    public State stateAt(int row, int col) {
        return new GridWorldState(col, grid.size() - 1 - row);
    }

    /**
     * @param gamma         the discount factor
     * @param maxDelta      BURLAP's stopping threshold on the largest change of a pass
     * @param maxIterations BURLAP's limit on the number of passes
     * @return BURLAP's value-iteration planner for this world, with BURLAP's default state hashing
     *         and its progress printing (a line on standard output per {@code runVI}) turned off
     */
    public ValueIteration valueIteration(double gamma, double maxDelta, int maxIterations) {
        ValueIteration planner = new ValueIteration(domain, gamma, new SimpleHashableStateFactory(), maxDelta,
                maxIterations);
        planner.toggleDebugPrinting(false);
        return planner;
    }

    /**
     * @param planner a planner of this world that has enumerated its states
     * @return the planner's state values in Bellman's state order, {@code s = row * size + col}
     */
    public double[] values(ValueIteration planner) {
        int size = grid.size();
        double[] values = new double[grid.cellCount()];
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                values[row * size + col] = planner.value(stateAt(row, col));
            }
        }
        return values;
    }

    /** BURLAP's four moves, plus {@code stay}, which leaves the agent where it is. */
    private static final class MovesOrStay implements FullStateModel {
        private final FullStateModel moves;

        MovesOrStay(FullStateModel moves) {
            this.moves = moves;
        }

        @Override
        public List<StateTransitionProb> stateTransitions(State s, Action a) {
            if (ACTION_STAY.equals(a.actionName())) {
                return List.of(new StateTransitionProb(s.copy(), 1.0));
            }
            return moves.stateTransitions(s, a);
        }

        @Override
        public State sample(State s, Action a) {
            return ACTION_STAY.equals(a.actionName()) ? s.copy() : moves.sample(s, a);
        }
    }

    /**
     * Zhao's rewards, as Bellman's {@code GridWorld} gives them: a move that leaves the agent in
     * place (off the grid) earns {@code r_boundary}; otherwise the cell entered, or stayed in, decides.
     */
    private static final class ZhaoRewards implements RewardFunction {
        private final BenchmarkGrid grid;

        ZhaoRewards(BenchmarkGrid grid) {
            this.grid = grid;
        }

        @Override
        public double reward(State s, Action a, State sprime) {
            GridAgent from = ((GridWorldState) s).agent;
            GridAgent to = ((GridWorldState) sprime).agent;
            if (from.x == to.x && from.y == to.y && !ACTION_STAY.equals(a.actionName())) {
                return BenchmarkGrid.REWARD_BOUNDARY;
            }
            int row = grid.size() - 1 - to.y;
            int col = to.x;
            if (grid.isTarget(row, col)) {
                return BenchmarkGrid.REWARD_TARGET;
            }
            return grid.isForbidden(row, col) ? BenchmarkGrid.REWARD_FORBIDDEN : BenchmarkGrid.REWARD_STEP;
        }
    }
}
