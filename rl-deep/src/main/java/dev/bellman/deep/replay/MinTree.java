package dev.bellman.deep.replay;

import dev.bellman.core.checkpoint.Checkpointable;
import dev.bellman.core.checkpoint.StateReader;
import dev.bellman.core.checkpoint.StateWriter;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A binary tree whose inner nodes hold the minimum of their children, giving the smallest priority
 * in the buffer in {@code O(1)} after an {@code O(log capacity)} update: prioritized replay divides
 * its importance weights by the largest one, that of the least likely transition. Empty leaves hold
 * {@code +infinity} so transitions not yet stored never count as the minimum. A checkpoint holds
 * every node.
 */
final class MinTree implements Checkpointable {

    private final int capacity;
    private final int leafCount;
    private final double[] nodes;

    MinTree(int capacity) {
        this.capacity = capacity;
        this.leafCount = Integer.highestOneBit(capacity) == capacity ? capacity : Integer.highestOneBit(capacity) << 1;
        this.nodes = new double[2 * leafCount];
        Arrays.fill(nodes, Double.POSITIVE_INFINITY);
    }

    void set(int index, double priority) {
        Objects.checkIndex(index, capacity);
        int node = leafCount + index;
        nodes[node] = priority;
        for (node >>= 1; node >= 1; node >>= 1) {
            nodes[node] = Math.min(nodes[2 * node], nodes[2 * node + 1]);
        }
    }

    @Override
    public void writeState(StateWriter out) throws IOException {
        out.writeDoubles(nodes);
    }

    @Override
    public void readState(StateReader in) throws IOException {
        double[] values = new double[nodes.length];
        in.readDoubles(values, "min-tree nodes");
        System.arraycopy(values, 0, nodes, 0, nodes.length);
    }

    /** @return the smallest priority set, {@code +infinity} if none */
    double min() {
        return nodes[1];
    }
}
