/**
 * The DQN family: {@link dev.bellman.deep.dqn.Dqn} (Mnih et al. 2015) with double-DQN targets,
 * dueling heads and n-step returns as options, configured by {@link dev.bellman.deep.dqn.DqnConfig}
 * with Stable-Baselines3's names, defaults and schedule of work.
 */
package dev.bellman.deep.dqn;
