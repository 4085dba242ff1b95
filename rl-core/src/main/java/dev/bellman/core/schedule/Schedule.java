package dev.bellman.core.schedule;

/**
 * A value that changes with a count: a step size {@code alpha} as a function of how often an entry
 * has been updated, or an exploration rate {@code epsilon} as a function of the episode or step
 * index. Build one with {@link Schedules}.
 */
@FunctionalInterface
public interface Schedule {

    /**
     * @param count the count the schedule is indexed by, from 1 (the first update, the first
     *              episode); learners say which count they pass
     * @return the value at that count
     */
    double valueAt(long count);
}
