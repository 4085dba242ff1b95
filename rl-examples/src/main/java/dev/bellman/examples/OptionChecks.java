package dev.bellman.examples;

/** Range checks of numeric options; each message names the option, the value and the range. */
final class OptionChecks {

    private OptionChecks() {
    }

    /** @throws IllegalArgumentException if {@code value} is given and outside {@code [0, 1]} */
    static void unitInterval(String option, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " " + value + " is outside [0, 1]");
        }
    }

    /** @throws IllegalArgumentException if {@code value} is given and outside {@code (0, 1]} */
    static void stepSize(String option, Double value) {
        if (value != null && !(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " " + value + " is outside (0, 1]");
        }
    }

    /** @throws IllegalArgumentException if {@code value < 1} */
    static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " " + value + " must be at least 1");
        }
    }
}
