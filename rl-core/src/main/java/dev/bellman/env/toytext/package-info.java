/**
 * Small textbook problems with discrete states: Sutton &amp; Barto's {@link
 * dev.bellman.env.toytext.RandomWalk random walks} and {@link dev.bellman.env.toytext.Blackjack} as
 * environments for the learners, and the {@link dev.bellman.env.toytext.GamblersProblem gambler's
 * problem} and {@link dev.bellman.env.toytext.JacksCarRental Jack's car rental} as finite MDPs for
 * the planners. The name follows Gymnasium's {@code toy_text} family.
 */
package dev.bellman.env.toytext;
