"""The Linear lab's CSV tables (right-click on its plots)."""

from __future__ import annotations

import numpy as np

from playground.core.linear.regression import X_DATA, Y_DATA


def fit_rows(trajectory: np.ndarray):
    """The data points and what the model (its current w and b) predicts for them."""
    w, b = (float(trajectory[-1, 0]), float(trajectory[-1, 1])) if len(trajectory) else (float("nan"),) * 2
    return ("x", "y", "prediction", "w", "b"), [(x, y, w * x + b, w, b) for x, y in zip(X_DATA, Y_DATA)]


def trajectory_rows(trajectory: np.ndarray):
    """w, b and the loss after each step (step 0 = the initial weights; empty where a session did not save them)."""
    return ("step", "w", "b", "loss"), [(i, float(w), float(b), float(loss)) for i, (w, b, loss) in enumerate(trajectory)]
