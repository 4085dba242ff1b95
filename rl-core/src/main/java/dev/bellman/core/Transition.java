package dev.bellman.core;

/**
 * One possible outcome of taking an action in a state of a {@link FiniteMdp}.
 *
 * @param nextState   the state reached, in {@code [0, stateCount)}
 * @param probability the probability of this outcome, in {@code [0, 1]}
 * @param reward      the expected reward received with this outcome
 */
public record Transition(int nextState, double probability, double reward) {
}
