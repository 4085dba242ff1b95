"""An independent reference for DQN's solve rate on CartPole-v1 (docs/benchmarks.md, "DQN on CartPole").

Stable-Baselines3's DQN as its source reads (dqn.py, off_policy_algorithm.py, buffers.py, PyTorch's
nn.Linear initialisation, Adam and clip_grad_norm_), with rl-zoo's CartPole-v1 hyper-parameters, in
NumPy float32, on Gymnasium's CartPole-v1 equations. It shares no code and no random stream with
Bellman's Java `Dqn`, so the two solve rates compare the algorithm, not one implementation's seeds.
This machine has no PyTorch, so Stable-Baselines3 itself cannot be run here.

Not part of the build. Needs Python 3 and NumPy; one BLAS thread is both faster and fair:
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python3 rl-bench/reference/sb3_dqn_numpy.py 0 19
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python3 rl-bench/reference/sb3_dqn_numpy.py 0 19 extra
Without "extra", training phases fall at multiples of 256 steps within the 50,000, as Bellman's
`Dqn` schedules them; with it, the last rollout runs to 50,176 steps and trains once more, as
Stable-Baselines3's `learn(50000)` does. About 22 s per seed.
"""
import math, sys, time
import numpy as np

class CartPole:
    def __init__(self, rng):
        self.rng = rng
    def reset(self):
        self.state = self.rng.uniform(-0.05, 0.05, size=4)
        self.steps = 0
        return self.state.astype(np.float32)
    def step(self, action):
        x, x_dot, theta, theta_dot = self.state
        force = 10.0 if action == 1 else -10.0
        cos_theta, sin_theta = math.cos(theta), math.sin(theta)
        temp = (force + 0.05 * theta_dot ** 2 * sin_theta) / 1.1
        thetaacc = (9.8 * sin_theta - cos_theta * temp) / (0.5 * (4.0 / 3.0 - 0.1 * cos_theta ** 2 / 1.1))
        xacc = temp - 0.05 * thetaacc * cos_theta / 1.1
        x = x + 0.02 * x_dot; x_dot = x_dot + 0.02 * xacc
        theta = theta + 0.02 * theta_dot; theta_dot = theta_dot + 0.02 * thetaacc
        self.state = np.array((x, x_dot, theta, theta_dot), dtype=np.float64)
        self.steps += 1
        terminated = x < -2.4 or x > 2.4 or theta < -12 * 2 * math.pi / 360 or theta > 12 * 2 * math.pi / 360
        truncated = (not terminated) and self.steps >= 500
        return self.state.astype(np.float32), 1.0, terminated, truncated

def linear(rng, fan_in, fan_out):
    bound = 1.0 / math.sqrt(fan_in)   # torch.nn.Linear: kaiming_uniform(a=sqrt(5)) and its bias rule
    w = rng.uniform(-bound, bound, size=(fan_in, fan_out)).astype(np.float32)
    b = rng.uniform(-bound, bound, size=fan_out).astype(np.float32)
    return [w, b]

def forward(params, x):
    h1 = np.maximum(x @ params[0] + params[1], 0); h2 = np.maximum(h1 @ params[2] + params[3], 0)
    return h1, h2, h2 @ params[4] + params[5]

def run(seed, total=50_000, extra=False):
    init_rng, rng, env_rng = (np.random.default_rng([seed, stream]) for stream in range(3))
    params = linear(init_rng, 4, 256) + linear(init_rng, 256, 256) + linear(init_rng, 256, 2)
    target = [a.copy() for a in params]
    first_moment = [np.zeros_like(a) for a in params]; second_moment = [np.zeros_like(a) for a in params]; adam_steps = 0
    capacity = 100_000
    observations = np.zeros((capacity, 4), np.float32); next_observations = np.zeros((capacity, 4), np.float32)
    actions = np.zeros(capacity, np.int64); rewards = np.zeros(capacity, np.float32); terminals = np.zeros(capacity, np.float32)
    size = 0
    env = CartPole(env_rng); observation = env.reset()
    num_timesteps = 0; epsilon = 0.0; n_calls = 0
    while num_timesteps < total:
        collected = 0
        for _ in range(256):                      # collect_rollouts, train_freq 256 steps
            if num_timesteps < 1000:
                action = int(rng.integers(2))
            elif rng.random() < epsilon:
                action = int(rng.integers(2))
            else:
                action = int(np.argmax(forward(params, observation[None])[2][0]))
            next_observation, reward, terminated, truncated = env.step(action)
            num_timesteps += 1
            observations[size] = observation; next_observations[size] = next_observation; actions[size] = action; rewards[size] = reward
            terminals[size] = 1.0 if terminated else 0.0     # handle_timeout_termination: truncation bootstraps
            size += 1
            collected += 1
            progress_remaining = 1.0 - num_timesteps / total
            n_calls += 1
            if n_calls % 10 == 0:
                target = [a.copy() for a in params]      # tau = 1
            done_frac = 1 - progress_remaining
            epsilon = 0.04 if done_frac > 0.16 else 1.0 + done_frac * (0.04 - 1.0) / 0.16
            observation = env.reset() if (terminated or truncated) else next_observation
            if not extra and num_timesteps >= total:
                break
        # Bellman's schedule (not extra) trains only at multiples of 256 within the budget.
        if num_timesteps > 1000 and (extra or collected == 256):
            for _ in range(128):
                batch = rng.integers(0, size, size=64)
                next_q = forward(target, next_observations[batch])[2].max(axis=1)
                y = rewards[batch] + (1 - terminals[batch]) * np.float32(0.99) * next_q
                h1, h2, q = forward(params, observations[batch])
                rows = np.arange(64)
                diff = q[rows, actions[batch]] - y
                q_gradient = np.zeros_like(q); q_gradient[rows, actions[batch]] = np.clip(diff, -1, 1) / 64
                g5 = h2.T @ q_gradient; g6 = q_gradient.sum(0)
                h2_gradient = (q_gradient @ params[4].T) * (h2 > 0); g3 = h1.T @ h2_gradient; g4 = h2_gradient.sum(0)
                h1_gradient = (h2_gradient @ params[2].T) * (h1 > 0); g1 = observations[batch].T @ h1_gradient; g2 = h1_gradient.sum(0)
                grads = [g1, g2, g3, g4, g5, g6]
                norm = math.sqrt(sum(float((gradient.astype(np.float64) ** 2).sum()) for gradient in grads))
                coef = min(1.0, 10.0 / (norm + 1e-6))
                adam_steps += 1
                for layer in range(6):
                    gradient = grads[layer] * np.float32(coef)
                    first_moment[layer] = 0.9 * first_moment[layer] + 0.1 * gradient; second_moment[layer] = 0.999 * second_moment[layer] + 0.001 * gradient * gradient
                    denom = np.sqrt(second_moment[layer]) / math.sqrt(1 - 0.999 ** adam_steps) + 1e-8
                    params[layer] = (params[layer] - (2.3e-3 / (1 - 0.9 ** adam_steps)) * first_moment[layer] / denom).astype(np.float32)
    returns = []
    eval_rng = np.random.default_rng([seed, 99])
    for _ in range(100):
        eval_env = CartPole(eval_rng); eval_observation = eval_env.reset(); episode_return = 0.0
        while True:
            eval_observation, reward, terminated, truncated = eval_env.step(int(np.argmax(forward(params, eval_observation[None])[2][0])))
            episode_return += reward
            if terminated or truncated:
                break
        returns.append(episode_return)
    return float(np.mean(returns)), num_timesteps

if __name__ == "__main__":
    first, last = int(sys.argv[1]), int(sys.argv[2])
    extra = len(sys.argv) > 3 and sys.argv[3] == "extra"
    solved = 0
    for seed in range(first, last + 1):
        start = time.time()
        mean, steps = run(seed, extra=extra)
        solved += mean >= 475
        print(f"seed {seed}: greedy mean {mean:.1f} after {steps} steps ({time.time() - start:.0f} s)", flush=True)
    print(f"solved {solved} of {last - first + 1}")
