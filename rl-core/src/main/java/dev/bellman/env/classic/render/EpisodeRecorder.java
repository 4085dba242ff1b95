package dev.bellman.env.classic.render;

import dev.bellman.core.Environment;
import dev.bellman.core.Policy;
import dev.bellman.core.Step;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Runs one episode of an environment with a policy and records every state it passes through into
 * an {@link AnimatedGif}: a frame after the reset and one after every step, drawn by
 * {@link Renderers#forEnvironment}. One image buffer is reused for all frames, so memory does not
 * grow with the episode's length.
 */
public final class EpisodeRecorder {

    /** The frame limit that lets the episode run to its end. */
    public static final int NO_FRAME_LIMIT = Integer.MAX_VALUE;

    private EpisodeRecorder() {
    }

    /**
     * Records one whole episode, with no frame limit; see
     * {@link #record(Environment, Policy, long, AnimatedGif, int)}.
     *
     * @param environment the environment, raw or wrapped, of a class {@link Renderers#supported()} lists
     * @param policy      chooses each action
     * @param seed        seeds the reset and the policy's randomness
     * @param gif         receives the frames
     * @param <O>         the observation type
     * @param <A>         the action type
     * @return the frames, steps and return of the episode
     * @throws IllegalArgumentException if an argument is {@code null} or the environment cannot be rendered
     * @throws IOException              if writing the GIF fails
     */
    public static <O, A> EpisodeRecording record(Environment<O, A> environment, Policy<O, A> policy, long seed,
                                                 AnimatedGif gif) throws IOException {
        return record(environment, policy, seed, gif, NO_FRAME_LIMIT);
    }

    /**
     * Resets {@code environment} with {@code seed}, then steps it with {@code policy} until the
     * episode terminates or is truncated, or {@code maxFrames} frames are recorded. The policy draws
     * its randomness from a {@link SplittableRandom} seeded with {@code seed}, a generator of another
     * kind than the environments' PCG64, so that the policy's stream does not repeat the
     * environment's. The GIF is left open, so that several episodes can follow one another in it.
     *
     * <p>An environment without a time limit whose policy never ends the episode runs until
     * {@code maxFrames} is reached.
     *
     * @param environment the environment, raw or wrapped, of a class {@link Renderers#supported()} lists
     * @param policy      chooses each action
     * @param seed        seeds the reset and the policy's randomness
     * @param gif         receives the frames
     * @param maxFrames   the most frames to record, at least 1 ({@link #NO_FRAME_LIMIT} for none)
     * @param <O>         the observation type
     * @param <A>         the action type
     * @return the frames, steps and return of the recorded part of the episode
     * @throws IllegalArgumentException if an argument is {@code null}, {@code maxFrames < 1}, the
     *                                  environment cannot be rendered, or the GIF already holds frames
     *                                  of another size
     * @throws IOException              if writing the GIF fails
     */
    public static <O, A> EpisodeRecording record(Environment<O, A> environment, Policy<O, A> policy, long seed,
                                                 AnimatedGif gif, int maxFrames) throws IOException {
        if (policy == null) {
            throw new IllegalArgumentException("policy is null; expected the policy to run");
        }
        if (gif == null) {
            throw new IllegalArgumentException("gif is null; expected the GIF to record into");
        }
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames = " + maxFrames + " must be at least 1");
        }
        EnvironmentRenderer renderer = Renderers.forEnvironment(environment);
        BufferedImage frame = new BufferedImage(renderer.width(), renderer.height(), BufferedImage.TYPE_INT_RGB);
        RandomGenerator policyRandom = new SplittableRandom(seed);

        O observation = environment.reset(seed);
        renderer.render(frame);
        gif.append(frame);
        int frames = 1;
        int steps = 0;
        double episodeReturn = 0;
        boolean episodeEnded = false;
        while (!episodeEnded && frames < maxFrames) {
            Step<O> step = environment.step(policy.act(observation, policyRandom));
            steps++;
            episodeReturn += step.reward();
            episodeEnded = step.done();
            observation = step.observation();
            renderer.render(frame);
            gif.append(frame);
            frames++;
        }
        return new EpisodeRecording(frames, steps, episodeReturn, episodeEnded);
    }
}
