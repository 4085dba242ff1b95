/**
 * Gymnasium's classic-control environments, reproduced step for step: {@link
 * dev.bellman.env.classic.CartPole}, {@link dev.bellman.env.classic.MountainCar}, {@link
 * dev.bellman.env.classic.ContinuousMountainCar}, {@link dev.bellman.env.classic.Pendulum} and {@link
 * dev.bellman.env.classic.Acrobot} as raw environments, and {@link
 * dev.bellman.env.classic.Environments#make(String)} for their registered, time-limited forms. Seeded
 * resets draw from {@link dev.bellman.core.random.Pcg64}, so that {@code reset(k)} starts where
 * Gymnasium's {@code reset(seed=k)} does.
 */
package dev.bellman.env.classic;
