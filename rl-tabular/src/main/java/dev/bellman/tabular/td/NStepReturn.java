package dev.bellman.tabular.td;

/** The n-step return both n-step methods compute, on their per-episode reward buffers. */
final class NStepReturn {

    private NStepReturn() {
    }

    /**
     * {@code r_{tau+1} + gamma r_{tau+2} + ... + gamma^{last-tau-1} r_{last} + gamma^{last-tau} tail}.
     *
     * @param rewards {@code rewards[i]} is {@code r_i}
     * @param tail    the bootstrapped value of the state (or pair) at time {@code last}, or 0
     */
    static double of(double[] rewards, int tau, int last, double gamma, double tail) {
        double target = 0;
        double discount = 1;
        for (int i = tau + 1; i <= last; i++) {
            target += discount * rewards[i];
            discount *= gamma;
        }
        return target + discount * tail;
    }
}
