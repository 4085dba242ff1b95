package dev.bellman.env.classic.render;

/**
 * What {@link EpisodeRecorder#record} recorded.
 *
 * @param frames        frames appended to the GIF: one after the reset and one after every step
 * @param steps         steps taken
 * @param episodeReturn the undiscounted sum of the rewards of those steps
 * @param episodeEnded  {@code true} if the episode terminated or was truncated; {@code false} if
 *                      the frame limit stopped the recording first
 */
public record EpisodeRecording(int frames, int steps, double episodeReturn, boolean episodeEnded) {
}
