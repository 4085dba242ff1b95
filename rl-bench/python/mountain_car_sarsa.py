"""Semi-gradient Sarsa with tile coding on Mountain Car, the way Python readers of Sutton & Barto
usually write it: Sutton's tiles3 scheme (an index hash table of coordinate tuples, offsets
1, 3, 5, ... per dimension), NumPy weights, and the Mountain Car dynamics of Example 10.1.

The peer of Bellman's SemiGradientSarsa in LinearApproximationComparison: same features
(8 tilings of 8x8, 4096 indices, action hashed in), alpha = 0.5/8, epsilon = 0, gamma = 1, raw
environment without a time limit. Prints one line: episodes, steps, seconds.

Usage: python3 mountain_car_sarsa.py EPISODES SEED
"""
import math
import sys
import time

import numpy as np

MIN_POSITION, MAX_POSITION = -1.2, 0.6
MAX_SPEED = 0.07
GOAL = 0.5
TILINGS = 8
TABLE_SIZE = 4096


class IndexTable:
    """Gives each new coordinate tuple the next free index, as tiles3's IHT does."""

    def __init__(self, size):
        self.size = size
        self.indices = {}

    def index(self, coordinates):
        found = self.indices.get(coordinates)
        if found is not None:
            return found
        if len(self.indices) >= self.size:
            return hash(coordinates) % self.size
        new = len(self.indices)
        self.indices[coordinates] = new
        return new


def active_tiles(table, position, velocity, action):
    scaled = (TILINGS * position / (MAX_POSITION - MIN_POSITION), TILINGS * velocity / (2 * MAX_SPEED))
    quantised = [math.floor(f * TILINGS) for f in scaled]
    tiles = []
    for tiling in range(TILINGS):
        offset = tiling * 2
        coordinates = [tiling]
        b = tiling
        for q in quantised:
            coordinates.append((q + b) // TILINGS)
            b += offset
        coordinates.append(action)
        tiles.append(table.index(tuple(coordinates)))
    return tiles


def step(position, velocity, action):
    velocity += (action - 1) * 0.001 - 0.0025 * math.cos(3 * position)
    velocity = min(max(velocity, -MAX_SPEED), MAX_SPEED)
    position += velocity
    position = min(max(position, MIN_POSITION), MAX_POSITION)
    if position == MIN_POSITION and velocity < 0:
        velocity = 0.0
    return position, velocity, position >= GOAL


def main():
    episodes = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    rng = np.random.default_rng(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    alpha = 0.5 / TILINGS
    weights = np.zeros(TABLE_SIZE)
    table = IndexTable(TABLE_SIZE)

    def greedy(position, velocity):
        values = [np.sum(weights[active_tiles(table, position, velocity, a)]) for a in range(3)]
        best = max(values)
        return int(rng.choice([a for a in range(3) if values[a] == best]))

    total_steps = 0
    start = time.perf_counter()
    for _ in range(episodes):
        position, velocity = rng.uniform(-0.6, -0.4), 0.0
        action = greedy(position, velocity)
        done = False
        while not done:
            tiles = active_tiles(table, position, velocity, action)
            next_position, next_velocity, done = step(position, velocity, action)
            total_steps += 1
            target = -1.0
            if not done:
                next_action = greedy(next_position, next_velocity)
                target += np.sum(weights[active_tiles(table, next_position, next_velocity, next_action)])
            weights[tiles] += alpha * (target - np.sum(weights[tiles]))
            position, velocity = next_position, next_velocity
            if not done:
                action = next_action
    seconds = time.perf_counter() - start
    print(f"episodes={episodes} steps={total_steps} seconds={seconds:.4f}")


if __name__ == "__main__":
    main()
