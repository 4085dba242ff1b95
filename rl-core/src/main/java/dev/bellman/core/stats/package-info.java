/**
 * Summary statistics of the final scores of many training runs, as Agarwal et al. (2021), "Deep
 * Reinforcement Learning at the Edge of the Statistical Precipice" (NeurIPS), recommend reporting
 * them: point estimates that are robust to a few outlying runs ({@link
 * dev.bellman.core.stats.SummaryStats#interquartileMean the interquartile mean}) together with
 * {@link dev.bellman.core.stats.StratifiedBootstrap stratified bootstrap} confidence intervals that
 * say how much they would move with other seeds.
 */
package dev.bellman.core.stats;
