package dev.bellman.examples.inventory;

import dev.bellman.core.Environment;
import dev.bellman.core.Step;
import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;
import dev.bellman.core.random.SplitMixRandom;
import dev.bellman.core.space.DiscreteSpace;

import java.io.IOException;
import java.util.Map;

/**
 * A one-product shop that decides every evening how many units to order for the next day: the
 * single-item inventory problem with lost sales (Scarf 1960; Bertsekas, <em>Dynamic Programming and
 * Optimal Control</em>, Sec. 3.2), written as an {@link Environment} for the tutorial in
 * {@code docs/custom-environment.md}.
 *
 * <p>One step is one day:
 * <ol>
 *   <li>The observation is the stock on hand, {@code s} in {@code 0 .. capacity}.</li>
 *   <li>The action is the order {@code a} in {@code 0 .. maxOrder}; it arrives at once. Units that
 *       do not fit in the store ({@code s + a > capacity}) are turned away but still paid for.</li>
 *   <li>The day's demand {@code D} is Poisson with mean {@code demandMean}, drawn from the
 *       environment's own stream; {@code min(D, stock)} units are sold, the rest of the demand is lost.</li>
 *   <li>The reward is {@code price * sold - (orderCost if a > 0) - unitCost * a - holdingCost * left},
 *       where {@code left} is the stock kept overnight, which is the next observation.</li>
 * </ol>
 * The shop never closes: this raw environment neither terminates nor truncates. Wrap it in a
 * {@link dev.bellman.core.wrappers.TimeLimit} for episodes of a fixed number of days, as
 * {@link InventoryTutorial} does. Each episode opens with a stock drawn uniformly from
 * {@code 0 .. capacity}, so that every state is seen early in training.
 *
 * <p>The info map of every step holds {@code "demand"}, {@code "sold"} and {@code "lost"}
 * ({@code Integer}s).
 */
public final class InventoryControl implements Environment<Integer, Integer>, Checkpointable {

    /**
     * The shop's parameters, in units and dollars.
     *
     * @param capacity    the most units the store holds, at least 1
     * @param maxOrder    the largest order, at least 1
     * @param demandMean  the mean daily demand, in {@code (0, 50]}
     * @param price       the revenue per unit sold, at least 0
     * @param orderCost   the fixed cost of placing a non-empty order, at least 0
     * @param unitCost    the cost per unit ordered, at least 0
     * @param holdingCost the cost per unit kept overnight, at least 0
     */
    public record Settings(int capacity, int maxOrder, double demandMean, double price, double orderCost,
                           double unitCost, double holdingCost) {

        /** The tutorial's shop: 10 units of room, orders up to 5, 3 customers a day on average. */
        public static final Settings DEFAULT = new Settings(10, 5, 3.0, 4.0, 2.0, 1.0, 0.25);

        /**
         * @param capacity    the most units the store holds, at least 1
         * @param maxOrder    the largest order, at least 1
         * @param demandMean  the mean daily demand, in {@code (0, 50]}
         * @param price       the revenue per unit sold, at least 0
         * @param orderCost   the fixed cost of placing a non-empty order, at least 0
         * @param unitCost    the cost per unit ordered, at least 0
         * @param holdingCost the cost per unit kept overnight, at least 0
         * @throws IllegalArgumentException naming the first setting out of its range
         */
        public Settings {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity " + capacity + " must be at least 1");
            }
            if (maxOrder < 1) {
                throw new IllegalArgumentException("maxOrder " + maxOrder + " must be at least 1");
            }
            // The product-of-uniforms Poisson sampler needs exp(-mean) well above the smallest double.
            if (!(demandMean > 0 && demandMean <= 50)) {
                throw new IllegalArgumentException("demandMean " + demandMean + " is outside (0, 50]");
            }
            requireCost(price, "price");
            requireCost(orderCost, "orderCost");
            requireCost(unitCost, "unitCost");
            requireCost(holdingCost, "holdingCost");
        }

        private static void requireCost(double value, String name) {
            if (!(value >= 0 && Double.isFinite(value))) {
                throw new IllegalArgumentException(name + " " + value + " must be a finite number of at least 0");
            }
        }
    }

    private final Settings settings;
    private final DiscreteSpace observationSpace;
    private final DiscreteSpace actionSpace;
    private SplitMixRandom rng = new SplitMixRandom(0);
    private int stock = -1;

    /** The shop of {@link Settings#DEFAULT}. */
    public InventoryControl() {
        this(Settings.DEFAULT);
    }

    /**
     * @param settings the shop's parameters
     * @throws IllegalArgumentException if {@code settings} is {@code null}
     */
    public InventoryControl(Settings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
        this.observationSpace = new DiscreteSpace(settings.capacity() + 1);
        this.actionSpace = new DiscreteSpace(settings.maxOrder() + 1);
    }

    /** @return the shop's parameters */
    public Settings settings() {
        return settings;
    }

    /** @return {@code Discrete(capacity + 1)}: the stock on hand */
    @Override
    public DiscreteSpace observationSpace() {
        return observationSpace;
    }

    /** @return {@code Discrete(maxOrder + 1)}: the units ordered */
    @Override
    public DiscreteSpace actionSpace() {
        return actionSpace;
    }

    @Override
    public Integer reset(long seed) {
        rng = new SplitMixRandom(seed);
        return reset();
    }

    /** Opens with a stock drawn uniformly from {@code 0 .. capacity}. */
    @Override
    public Integer reset() {
        stock = rng.nextInt(settings.capacity() + 1);
        return stock;
    }

    /**
     * Runs one day: the order arrives, customers buy, the rest stays overnight.
     *
     * @param action the units to order, {@code 0 .. maxOrder}
     * @throws IllegalArgumentException if the action is outside the action space
     * @throws IllegalStateException    if the environment has never been reset
     */
    @Override
    public Step<Integer> step(Integer action) {
        if (stock < 0) {
            throw new IllegalStateException("step called before reset; call reset(seed) first");
        }
        int order = actionSpace.require(action, "order");
        int available = Math.min(stock + order, settings.capacity());
        int demand = poisson(settings.demandMean());
        int sold = Math.min(demand, available);
        int left = available - sold;
        double reward = settings.price() * sold
                - (order > 0 ? settings.orderCost() : 0)
                - settings.unitCost() * order
                - settings.holdingCost() * left;
        stock = left;
        return new Step<>(stock, reward, false, false, Map.of("demand", demand, "sold", sold, "lost", demand - sold));
    }

    /** Knuth's sampler: the number of uniforms whose running product stays above {@code exp(-mean)}. */
    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = rng.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= rng.nextDouble();
            count++;
        }
        return count;
    }

    @Override
    public String toString() {
        return "InventoryControl(capacity=" + settings.capacity() + ", maxOrder=" + settings.maxOrder()
                + ", demandMean=" + settings.demandMean() + ")";
    }

    /**
     * Writes what the next step and reset depend on: the demand stream's state and the stock. With
     * this, training on the shop can be checkpointed and resumed exactly.
     */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.section("InventoryControl");
        out.writeRandom(rng);
        out.writeInt(stock);
    }

    /** Restores what {@link #writeState} wrote. */
    @Override
    public void readState(StateReader in) throws IOException {
        in.section("InventoryControl");
        in.readRandom(rng);
        stock = in.readInt();
    }
}
