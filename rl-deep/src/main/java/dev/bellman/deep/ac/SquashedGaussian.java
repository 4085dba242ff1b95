package dev.bellman.deep.ac;

/**
 * The squashed Gaussian policy of SAC (Haarnoja et al. 2018, appendix C), one observation's row
 * at a time: the network gives a mean μ and a log standard deviation per action dimension, the
 * log standard deviation is clamped to [{@value #LOG_STD_MIN}, {@value #LOG_STD_MAX}], and with
 * {@code ε ~ N(0, 1)}, {@code u = μ + σ ε} and the action {@code a = tanh(u)}. Its log density is
 * <pre>{@code
 * log π(a | s) = Σ_i [ −ε_i²/2 − log σ_i − log(2π)/2 − log(1 − a_i² + 10⁻⁶) ]
 * }</pre>
 * the Gaussian's density corrected by the Jacobian of tanh (the 10⁻⁶ keeps the logarithm finite
 * where tanh rounds to ±1, as Stable-Baselines3 does).
 */
final class SquashedGaussian {

    /** The smallest log standard deviation (SB3's {@code LOG_STD_MIN}). */
    static final double LOG_STD_MIN = -20;
    /** The largest log standard deviation (SB3's {@code LOG_STD_MAX}). */
    static final double LOG_STD_MAX = 2;
    /** Added inside the tanh correction's logarithm. */
    static final double TANH_EPSILON = 1e-6;
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private SquashedGaussian() {
    }

    /**
     * Samples one row's action and returns its log density.
     *
     * @param network the actor's outputs: row {@code row} holds {@code [μ_1 … μ_d, logσ_1 … logσ_d]}
     * @param row     the row
     * @param d       the action dimension
     * @param epsilon standard normal draws, {@code d} per row
     * @param actions receives {@code a = tanh(μ + σ ε)}, {@code d} per row
     * @return {@code log π(a | s)}
     */
    static double sample(float[] network, int row, int d, double[] epsilon, float[] actions) {
        double logProbability = 0;
        for (int i = 0; i < d; i++) {
            double mean = network[row * 2 * d + i];
            double logStd = clampLogStd(network[row * 2 * d + d + i]);
            double noise = epsilon[row * d + i];
            double action = Math.tanh(mean + Math.exp(logStd) * noise);
            actions[row * d + i] = (float) action;
            logProbability += -0.5 * noise * noise - logStd - HALF_LOG_TWO_PI - Math.log(1 - action * action + TANH_EPSILON);
        }
        return logProbability;
    }

    /** The log standard deviation as used: clamped to [LOG_STD_MIN, LOG_STD_MAX]. */
    static double clampLogStd(double raw) {
        return Math.max(LOG_STD_MIN, Math.min(LOG_STD_MAX, raw));
    }

    /**
     * The gradient, with respect to one row's network outputs, of
     * {@code weightLogProbability · log π(a | s) + Σ_i actionGradient_i · a_i}, with ε held fixed
     * (the reparameterisation). The clamp passes no gradient where it is active.
     *
     * @param network              the actor's outputs, as in {@link #sample}
     * @param row                  the row
     * @param d                    the action dimension
     * @param epsilon              the draws {@link #sample} used
     * @param actions              the actions {@link #sample} wrote
     * @param weightLogProbability the loss's weight on {@code log π}
     * @param actionGradient       the loss's gradient with respect to the action, {@code d} per row
     * @param out                  receives the gradient, {@code 2d} per row, same layout as {@code network}
     */
    static void gradient(float[] network, int row, int d, double[] epsilon, float[] actions, double weightLogProbability,
                         float[] actionGradient, float[] out) {
        for (int i = 0; i < d; i++) {
            double raw = network[row * 2 * d + d + i];
            double logStd = clampLogStd(raw);
            double std = Math.exp(logStd);
            double noise = epsilon[row * d + i];
            // Recomputed in double: the float action would lose the precision the correction needs near ±1.
            double action = Math.tanh(network[row * 2 * d + i] + std * noise);
            double slope = 1 - action * action;
            // d/du of −log(1 − tanh(u)² + δ): 2a(1 − a²)/(1 − a² + δ).
            double correction = 2 * action * slope / (slope + TANH_EPSILON);
            double byU = weightLogProbability * correction + actionGradient[row * d + i] * slope;
            out[row * 2 * d + i] = (float) byU;
            boolean clamped = raw < LOG_STD_MIN || raw > LOG_STD_MAX;
            out[row * 2 * d + d + i] = clamped ? 0f : (float) (-weightLogProbability + byU * std * noise);
        }
    }
}
