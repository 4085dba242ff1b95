/**
 * Pictures of the classic-control environments, as Gymnasium's {@code render_mode="rgb_array"} draws
 * them, and animated GIFs of whole episodes.
 *
 * <ul>
 *   <li>{@link dev.bellman.env.classic.render.FrameRenderer}: draws one environment class into a
 *   {@link java.awt.image.BufferedImage}, with one implementation per environment
 *   ({@link dev.bellman.env.classic.render.CartPoleRenderer},
 *   {@link dev.bellman.env.classic.render.MountainCarRenderer},
 *   {@link dev.bellman.env.classic.render.ContinuousMountainCarRenderer},
 *   {@link dev.bellman.env.classic.render.PendulumRenderer},
 *   {@link dev.bellman.env.classic.render.AcrobotRenderer}).</li>
 *   <li>{@link dev.bellman.env.classic.render.Renderers#forEnvironment}: finds the renderer for an
 *   environment instance, looking through its wrappers.</li>
 *   <li>{@link dev.bellman.env.classic.render.AnimatedGif}: writes frames one at a time to an
 *   animated GIF with nothing but {@code javax.imageio}.</li>
 *   <li>{@link dev.bellman.env.classic.render.EpisodeRecorder}: runs one episode with a policy and
 *   records it as a GIF.</li>
 * </ul>
 *
 * <p>Everything here works headless: it uses {@link java.awt.Graphics2D} on in-memory images only,
 * never a window.
 */
package dev.bellman.env.classic.render;
