package dev.bellman.deep.replay;

import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.Objects;

/**
 * A binary tree whose leaves hold non-negative priorities and whose inner nodes hold the sum of
 * their children, for proportional prioritized replay (Schaul et al. 2016, Appendix B.2.1): updating
 * a priority and finding the leaf at a given prefix sum both take {@code O(log capacity)}, so a
 * transition is drawn with probability {@code p_i / sum_j p_j} without scanning the buffer.
 *
 * <p>Leaves are padded to a power of two with priority 0, so the tree is complete and a prefix-sum
 * search from the root visits leaves in index order. Each inner node is recomputed from its two
 * children on every update rather than adjusted by a difference, so rounding never accumulates.
 * A checkpoint holds every node, so the sums after a resume are bit-identical.
 */
public final class SumTree implements Checkpointable {

    private final int capacity;
    private final int leafCount;
    /** Node 1 is the root; node i has children 2i and 2i + 1; leaf j is node {@code leafCount + j}. */
    private final double[] nodes;

    /**
     * A tree of {@code capacity} leaves, all of priority 0.
     *
     * @param capacity the number of leaves, at least 1
     * @throws IllegalArgumentException if {@code capacity < 1}
     */
    public SumTree(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity = " + capacity + " must be at least 1");
        }
        if (capacity > 1 << 30) {
            throw new IllegalArgumentException("capacity = " + capacity + " must be at most 2^30");
        }
        this.capacity = capacity;
        this.leafCount = Integer.highestOneBit(capacity) == capacity ? capacity : Integer.highestOneBit(capacity) << 1;
        this.nodes = new double[2 * leafCount];
    }

    /**
     * Sets the priority of leaf {@code index} and updates the sums above it.
     *
     * @param index    the leaf, in {@code [0, capacity())}
     * @param priority the new priority, finite and at least 0
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     * @throws IllegalArgumentException  if {@code priority} is negative or not finite
     */
    public void set(int index, double priority) {
        Objects.checkIndex(index, capacity);
        if (!(priority >= 0.0 && priority < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("priority = " + priority + " must be finite and at least 0");
        }
        int node = leafCount + index;
        nodes[node] = priority;
        for (node >>= 1; node >= 1; node >>= 1) {
            nodes[node] = nodes[2 * node] + nodes[2 * node + 1];
        }
    }

    /**
     * @param index the leaf, in {@code [0, capacity())}
     * @return the priority of leaf {@code index}
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public double get(int index) {
        Objects.checkIndex(index, capacity);
        return nodes[leafCount + index];
    }

    /** @return the sum of all priorities */
    public double total() {
        return nodes[1];
    }

    /**
     * Finds the leaf in whose interval a prefix sum falls: the smallest {@code i} with
     * {@code prefixSum < p_0 + ... + p_i}. A leaf of priority 0 is never returned, including for
     * {@code prefixSum == total()}, which yields the last leaf of positive priority.
     *
     * @param prefixSum a mass in {@code [0, total()]}
     * @return the leaf index, in {@code [0, capacity())}
     * @throws IllegalArgumentException if {@code prefixSum} is outside {@code [0, total()]} or the
     *                                  total is 0
     */
    public int find(double prefixSum) {
        double total = total();
        if (!(total > 0.0)) {
            throw new IllegalArgumentException("cannot search a sum tree whose total priority is 0");
        }
        if (!(prefixSum >= 0.0 && prefixSum <= total)) {
            throw new IllegalArgumentException("prefixSum = " + prefixSum + " must be in [0, " + total + "]");
        }
        int node = 1;
        while (node < leafCount) {
            int left = 2 * node;
            // Going right into an empty subtree can only happen at the upper boundary (prefixSum
            // equal to, or by rounding just above, the mass to its left); stay left instead.
            if (prefixSum < nodes[left] || nodes[left + 1] == 0.0) {
                node = left;
            } else {
                prefixSum -= nodes[left];
                node = left + 1;
            }
        }
        return node - leafCount;
    }

    /**
     * Writes every node of the tree.
     *
     * @throws IOException if writing fails
     */
    @Override
    public void writeState(StateWriter out) throws IOException {
        out.writeDoubles(nodes);
    }

    /**
     * Replaces every node with those {@link #writeState} wrote.
     *
     * @throws dev.bellman.core.checkpoint.InvalidCheckpointException if the tree had another number of leaves
     * @throws IOException                                            if reading fails
     */
    @Override
    public void readState(StateReader in) throws IOException {
        double[] values = new double[nodes.length];
        in.readDoubles(values, "sum-tree nodes");
        System.arraycopy(values, 0, nodes, 0, nodes.length);
    }

    /** @return the number of leaves */
    public int capacity() {
        return capacity;
    }
}
