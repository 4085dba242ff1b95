package dev.bellman.deep.ac;

/**
 * Twin delayed DDPG (Fujimoto et al. 2018): two critics with the smaller target value, actor and
 * target updates every {@code policyDelay} critic updates, and clipped noise on the target action.
 * See {@link DeterministicActorCritic} for the algorithm and its schedule.
 */
public final class Td3 extends DeterministicActorCritic {

    /**
     * @param config the settings, usually from {@link ActorCriticConfig#td3()}
     * @param seed   seeds the networks, exploration, replay sampling and the environment's first reset
     * @throws IllegalArgumentException if {@code config} is null
     */
    public Td3(ActorCriticConfig config, long seed) {
        super(config, seed);
    }
}
