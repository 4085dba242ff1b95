/**
 * Multilayer perceptrons on ND4J for value functions and policies: {@link dev.bellman.deep.nn.Mlp}
 * (dense layers, PyTorch's initialisation, optional dueling heads, flat parameter and gradient
 * buffers), {@link dev.bellman.deep.nn.Losses}, {@link dev.bellman.deep.nn.GradientClipping}, the
 * optimizers {@link dev.bellman.deep.nn.Adam}, {@link dev.bellman.deep.nn.RmsProp} and
 * {@link dev.bellman.deep.nn.Sgd}, and {@link dev.bellman.deep.nn.ModelFiles} for saving.
 *
 * <p>Batched matrix products run through ND4J's gemm; element-wise work and single-observation
 * prediction run as plain Java loops, which measure many times faster than ND4J calls at these
 * sizes (docs/algorithms/deep.md). Networks are not thread-safe.
 */
package dev.bellman.deep.nn;
