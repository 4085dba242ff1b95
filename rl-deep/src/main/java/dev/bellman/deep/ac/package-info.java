/**
 * Deterministic actor-critic methods for continuous actions: {@link dev.bellman.deep.ac.Ddpg}
 * (Lillicrap et al. 2016) and {@link dev.bellman.deep.ac.Td3} (Fujimoto et al. 2018), with their
 * exploration noises ({@link dev.bellman.deep.ac.GaussianNoise},
 * {@link dev.bellman.deep.ac.OrnsteinUhlenbeckNoise}) and the map between the actor's [−1, 1]
 * outputs and an environment's action bounds ({@link dev.bellman.deep.ac.ActionScaling}).
 */
package dev.bellman.deep.ac;
