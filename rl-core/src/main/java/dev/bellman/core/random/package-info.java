/**
 * Random number generators that reproduce other libraries bit for bit: {@link
 * dev.bellman.core.random.SeedSequence} and {@link dev.bellman.core.random.Pcg64} port NumPy's, as
 * used by Gymnasium's {@code reset(seed=k)}.
 */
package dev.bellman.core.random;
