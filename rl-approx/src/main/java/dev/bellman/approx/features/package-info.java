/**
 * Feature constructors for linear function approximation: maps from an observation (and, for action
 * values, an action) to a feature vector φ, written into a caller's buffer so that evaluating
 * features allocates nothing.
 *
 * <p>{@link dev.bellman.approx.features.Features} is the dense contract and
 * {@link dev.bellman.approx.features.SparseFeatures} the binary one (a fixed number of active
 * entries, as tile coding produces). {@link dev.bellman.approx.features.ActionFeatures} gives
 * x(s, a) for integer actions, built from state features by stacking one block per action.
 *
 * <p>The constructors: {@link dev.bellman.approx.features.OneHotFeatures} (tabular methods as a
 * special case), {@link dev.bellman.approx.features.StateAggregation},
 * {@link dev.bellman.approx.features.PolynomialFeatures},
 * {@link dev.bellman.approx.features.FourierFeatures},
 * {@link dev.bellman.approx.features.RadialBasisFeatures} and
 * {@link dev.bellman.approx.features.TileCoder} on top of
 * {@link dev.bellman.approx.features.TileCoding}, a port of Sutton's {@code tiles3}.
 * {@link dev.bellman.approx.features.GridCoordinates} turns grid-world states into coordinates for
 * the polynomial and Fourier features of Zhao's Chapter 8.
 *
 * <p>Bounded features take the box {@code [low, high]} of the observation and reject an observation
 * outside it, or a NaN, with an {@link java.lang.IllegalArgumentException} naming the dimension, the
 * value and the bounds; they never clamp silently.
 *
 * <p>Thread safety: the polynomial, Fourier, radial-basis, one-hot and aggregation features are
 * immutable. Tile coders (whose index hash table grows as new tiles are seen), stacked features and
 * grid-coordinate compositions keep scratch buffers or mutable state: use one instance per thread.
 */
package dev.bellman.approx.features;
