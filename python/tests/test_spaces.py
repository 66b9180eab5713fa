"""The spaces' membership, which the environments check every action with: the same rule as Gymnasium's.

The expected answers are Gymnasium 1.4.0's own for the same inputs (its Discrete, Box and MultiDiscrete), so a
policy that passes `env.action_space.contains` here passes it with Gymnasium installed, and the reverse.
"""

import numpy as np
import pytest

from edgesim.spaces import Box, Discrete, MultiDiscrete

DISCRETE = [
    (0, True), (4, True), (5, False), (-1, False), (1.0, False), (True, True), (np.int64(2), True), (np.int32(3), True),
    (np.array(2), True), (np.array([1]), False), (np.float64(1.0), False), ("1", False), (None, False), (np.uint8(4), True),
    (2**70, False),
]
BOX = [
    ([0, 1, 2], True), ([0.5, 0.5, 0.5], True), (np.zeros(3), True), (np.zeros(3, dtype=np.float32), True),
    (np.zeros(3, dtype=np.int64), True), (np.zeros(2), False), ([3, 0, 0], False), ("abc", False), (None, False),
    ((1, 1, 1), True), ([[0, 0, 0]], False), (np.zeros(3, dtype=np.complex128), False),
]
MULTI = [
    ([0, 0], True), ([2, 3], True), ([3, 0], False), ((1, 1), True), (np.array([1, 2]), True), (np.array([1.0, 2.0]), False),
    (np.array([1, 2], dtype=np.int8), True), ([1], False), ("ab", False), (range(2), True), ([-1, 0], False),
]


@pytest.mark.parametrize("value, member", DISCRETE)
def test_discrete_takes_whole_numbers_in_range_and_no_float_or_list(value, member):
    assert Discrete(5).contains(value) is member


@pytest.mark.parametrize("value, member", BOX)
def test_box_takes_what_casts_to_its_shape_within_bounds(value, member):
    assert Box(low=np.zeros(3), high=np.full(3, 2.0), dtype=np.float64).contains(value) is member


@pytest.mark.parametrize("value, member", MULTI)
def test_multi_discrete_takes_integer_vectors_within_each_n(value, member):
    assert MultiDiscrete([3, 4]).contains(value) is member


def test_a_masked_sample_is_always_an_allowed_action():
    space = Discrete(5, seed=3)
    mask = np.array([0, 1, 0, 0, 1], dtype=np.int8)
    assert {int(space.sample(mask)) for _ in range(200)} == {1, 4}
