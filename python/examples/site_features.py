"""The features the example policy reads off a site's observation: per model, scaled to about 1."""

import numpy as np

PER_MODEL = 7  # queued, least_slack_s, oldest_wait_s, gpu_share, ram_share, load_s, upload_s
SCALE = np.array([10.0, 2.0, 2.0, 1.0, 1.0, 1.0, 1.0])


def features(observation: np.ndarray, models: int) -> np.ndarray:
    """A (models, 7) array: each model's numbers over their scale (the wait action has none of its own)."""
    per = observation[: PER_MODEL * models].reshape(models, PER_MODEL)
    return np.clip(per / SCALE, -5.0, 5.0)
