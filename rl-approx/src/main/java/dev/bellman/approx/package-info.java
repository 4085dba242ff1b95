/**
 * Linear value-function methods: {@code v̂(s, w) = φ(s)ᵀw} and {@code q̂(s, a, w) = x(s, a)ᵀw}
 * over the feature maps of {@link dev.bellman.approx.features}.
 *
 * <p>Prediction (evaluating a fixed policy): {@link dev.bellman.approx.GradientMonteCarlo},
 * {@link dev.bellman.approx.SemiGradientTdZero} (Zhao's TD-Linear),
 * {@link dev.bellman.approx.SemiGradientTdLambda}, {@link dev.bellman.approx.TrueOnlineTdLambda},
 * {@link dev.bellman.approx.Lstd}. Control: semi-gradient Sarsa and n-step Sarsa, Q-learning with
 * linear features, true online Sarsa(λ) and LSPI. Every method is a
 * {@link dev.bellman.core.Learner} on the shared episodic loop, seeded by its
 * {@link dev.bellman.tabular.LearnerSettings}, and reports the root mean square of its errors to
 * the listeners after each episode. Learners are not thread-safe.
 */
package dev.bellman.approx;
