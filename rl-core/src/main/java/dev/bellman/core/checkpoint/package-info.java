/**
 * Checkpoints that resume a training run exactly: {@link dev.bellman.core.checkpoint.Checkpointable}
 * objects (learners, environments, wrappers) write their complete state through a
 * {@link dev.bellman.core.checkpoint.StateWriter}; {@link dev.bellman.core.checkpoint.CheckpointFiles}
 * frames it in a versioned, checksummed file written atomically. The layout and the guarantees are
 * described in {@code docs/checkpoints.md}.
 */
package dev.bellman.core.checkpoint;
