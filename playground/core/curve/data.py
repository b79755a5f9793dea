"""Data for the Curve lab: points sampled from a target, with noise and a test split."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.curve.config import CurveConfig
from playground.core.curve.targets import target_function

# The fit is drawn this far beyond the data on each side (as a fraction of the
# data's span) so that extrapolation is visible.
EXTRAPOLATION_MARGIN = 1 / 3
PLOT_POINTS = 400


@dataclass
class CurveData:
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    x_plot: np.ndarray
    y_plot: np.ndarray  # the noiseless target on x_plot (NaN where undefined)


def plot_range(config: CurveConfig) -> tuple[float, float]:
    margin = (config.x_max - config.x_min) * EXTRAPOLATION_MARGIN
    return config.x_min - margin, config.x_max + margin


def make_curve_data(config: CurveConfig) -> CurveData:
    """Deterministic for a given config: the seed fixes noise and the test split."""
    fn = target_function(config.target, config.expression)
    rng = np.random.default_rng(config.seed)
    x = config.sample_x()
    y = fn(x).astype(np.float32)
    if config.noise > 0:
        y = y + rng.normal(0.0, config.noise, size=y.shape).astype(np.float32)
    n_test = int(round(config.n_points * config.test_fraction))
    n_test = min(n_test, config.n_points - 1)
    test_mask = np.zeros(config.n_points, dtype=bool)
    if n_test:
        test_mask[rng.choice(config.n_points, size=n_test, replace=False)] = True
    lo, hi = plot_range(config)
    x_plot = np.linspace(lo, hi, PLOT_POINTS, dtype=np.float32)
    y_plot = fn(x_plot).astype(np.float32)  # may hold NaN outside the data range; plots skip it
    return CurveData(x[~test_mask], y[~test_mask], x[test_mask], y[test_mask], x_plot, y_plot)
