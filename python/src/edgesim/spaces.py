"""Gymnasium's Box and Discrete when Gymnasium is installed; minimal stand-ins with the same use otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

import numpy as np

try:  # pragma: no cover - exercised where Gymnasium is installed
    import gymnasium as _gymnasium
    from gymnasium.spaces import Box, Discrete, MultiDiscrete

    HAVE_GYMNASIUM = True
except ImportError:
    _gymnasium = None
    HAVE_GYMNASIUM = False

    class _Space:
        """What every space here shares: its own seeded generator, and `x in space`."""

        def __init__(self, seed: Optional[int]) -> None:
            self._rng = np.random.default_rng(seed)

        def seed(self, seed: Optional[int] = None) -> list[Optional[int]]:
            self._rng = np.random.default_rng(seed)
            return [seed]

        def contains(self, x: Any) -> bool:
            raise NotImplementedError

        def __contains__(self, x: Any) -> bool:
            return self.contains(x)

    class Box(_Space):  # type: ignore[no-redef]
        """Real vectors between low and high (inclusive), float64."""

        def __init__(self, low: np.ndarray, high: np.ndarray, shape: Optional[tuple[int, ...]] = None, dtype: Any = np.float64, seed: Optional[int] = None) -> None:
            super().__init__(seed)
            self.low = np.asarray(low, dtype=dtype)
            self.high = np.asarray(high, dtype=dtype)
            self.shape = self.low.shape if shape is None else shape
            self.dtype = np.dtype(dtype)

        def contains(self, x: Any) -> bool:
            # Gymnasium's rule: other inputs are cast to the space's dtype; an array's dtype must cast to it.
            if not isinstance(x, np.ndarray):
                try:
                    x = np.asarray(x, dtype=self.dtype)
                except (ValueError, TypeError, OverflowError):
                    return False
            return bool(np.can_cast(x.dtype, self.dtype) and x.shape == self.shape and np.all(x >= self.low) and np.all(x <= self.high))

        def sample(self) -> np.ndarray:
            low = np.where(np.isfinite(self.low), self.low, -1e3)
            high = np.where(np.isfinite(self.high), self.high, 1e3)
            return self._rng.uniform(low, np.maximum(low, high)).astype(self.dtype)

        def __repr__(self) -> str:
            return f"Box({self.shape}, {self.dtype})"

    class Discrete(_Space):  # type: ignore[no-redef]
        """The integers 0 to n - 1."""

        def __init__(self, n: int, seed: Optional[int] = None) -> None:
            super().__init__(seed)
            self.n = int(n)
            self.shape = ()
            self.dtype = np.dtype(np.int64)

        def contains(self, x: Any) -> bool:
            # Gymnasium's rule: a Python int, or a numpy integer scalar (not 1.0, not [1]).
            if isinstance(x, int):
                value = x
            elif isinstance(x, (np.generic, np.ndarray)) and np.issubdtype(x.dtype, np.integer) and x.shape == ():
                value = int(x)
            else:
                return False
            return 0 <= value < self.n

        def sample(self, mask: Optional[np.ndarray] = None) -> np.int64:
            if mask is not None and np.any(mask):
                return np.int64(self._rng.choice(np.flatnonzero(mask)))
            return np.int64(self._rng.integers(self.n))

        def __repr__(self) -> str:
            return f"Discrete({self.n})"

    class MultiDiscrete(_Space):  # type: ignore[no-redef]
        """A vector of Discrete(n) values, one per environment."""

        def __init__(self, nvec: Any, seed: Optional[int] = None) -> None:
            super().__init__(seed)
            self.nvec = np.asarray(nvec, dtype=np.int64)
            self.shape = self.nvec.shape
            self.dtype = np.dtype(np.int64)

        def contains(self, x: Any) -> bool:
            # Gymnasium's rule: a list or tuple becomes an array; an array must be of integers.
            if isinstance(x, Sequence):
                x = np.array(x)
            return bool(isinstance(x, np.ndarray) and x.shape == self.shape and np.can_cast(x.dtype, self.dtype) and np.all(x >= 0) and np.all(x < self.nvec))

        def sample(self) -> np.ndarray:
            return self._rng.integers(self.nvec)

        def __repr__(self) -> str:
            return f"MultiDiscrete({self.nvec})"


def bounds(values: list[Optional[float]], infinity: float) -> np.ndarray:
    """The protocol writes an infinite bound as null."""
    return np.array([infinity if v is None else v for v in values], dtype=np.float64)
