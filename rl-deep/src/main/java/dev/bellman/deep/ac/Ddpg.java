package dev.bellman.deep.ac;

/**
 * Deep deterministic policy gradient (Lillicrap et al. 2016): one critic, an actor updated every
 * gradient step through {@code ∂Q/∂a}, target networks moved by Polyak averaging. See
 * {@link DeterministicActorCritic} for the algorithm and its schedule.
 */
public final class Ddpg extends DeterministicActorCritic {

    /**
     * @param config DDPG's settings ({@link ActorCriticConfig#ddpg()}): one critic, policy delay 1,
     *               no target smoothing
     * @param seed   seeds the networks, exploration, replay sampling and the environment's first reset
     * @throws IllegalArgumentException if {@code config} is null or has TD3's settings (use {@link Td3})
     */
    public Ddpg(ActorCriticConfig config, long seed) {
        super(requireDdpg(config), seed);
    }

    private static ActorCriticConfig requireDdpg(ActorCriticConfig config) {
        if (config != null && (config.critics() != 1 || config.policyDelay() != 1 || config.targetPolicyNoise() != 0)) {
            throw new IllegalArgumentException("DDPG has one critic, policy delay 1 and no target smoothing; the config has "
                    + config.critics() + " critics, policy delay " + config.policyDelay() + " and target noise "
                    + config.targetPolicyNoise() + " (that is TD3: use Td3, or start from ActorCriticConfig.ddpg())");
        }
        return config;
    }
}
