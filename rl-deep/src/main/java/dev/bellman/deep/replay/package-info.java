/**
 * Experience replay for off-policy deep learners (DQN, DDPG, TD3), on primitive arrays only so it
 * serves any network library: {@link dev.bellman.deep.replay.ReplayBuffer} (a ring buffer with
 * n-step returns and Gymnasium's {@code terminated}/{@code truncated} distinction), {@link
 * dev.bellman.deep.replay.PrioritizedReplayBuffer} (proportional prioritization, Schaul et al. 2016,
 * on a {@link dev.bellman.deep.replay.SumTree}), and the caller-owned {@link
 * dev.bellman.deep.replay.Batch} that sampling fills without allocating.
 */
package dev.bellman.deep.replay;
