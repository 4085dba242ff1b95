package dev.bellman.approx.features;

/**
 * The order in which {@link PolynomialFeatures} lists its monomials. Both start with the constant 1
 * and list the monomials by total degree; they differ within a degree.
 */
public enum MonomialOrder {

    /**
     * Zhao's order (<i>Mathematical Foundations of Reinforcement Learning</i>, §8.2.4, equations
     * (8.15)–(8.17)): within a degree, the pure powers {@code x1^d, ..., xk^d} first, then the mixed
     * monomials in {@link #GRADED_LEXICOGRAPHIC} order. In 2-D: {@code [1, x, y]},
     * {@code [1, x, y, x², y², xy]}, {@code [1, x, y, x², y², xy, x³, y³, x²y, xy²]}.
     */
    ZHAO,

    /**
     * Within a degree, by decreasing power of {@code x1}, then of {@code x2}, and so on (the order of
     * scikit-learn's {@code PolynomialFeatures}). In 2-D, order 2: {@code [1, x, y, x², xy, y²]}.
     */
    GRADED_LEXICOGRAPHIC
}
