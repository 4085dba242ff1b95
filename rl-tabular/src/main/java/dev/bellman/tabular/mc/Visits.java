package dev.bellman.tabular.mc;

/**
 * Which occurrences of a state (or state-action pair) in an episode contribute a return to its
 * estimate (Sutton &amp; Barto Sec. 5.1; Zhao Sec. 5.3.1 calls them first-visit and every-visit
 * strategies).
 */
public enum Visits {
    /** only the first occurrence in each episode: the returns averaged are independent across episodes */
    FIRST,
    /** every occurrence: more data per episode, returns of one episode correlated; still consistent */
    EVERY
}
