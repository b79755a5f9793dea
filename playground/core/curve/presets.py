"""Ready-made Curve-lab setups, starting with the notes' own example."""

from __future__ import annotations

from dataclasses import replace

from playground.core.curve.config import CurveConfig, notes_preset

PRESETS: dict[str, CurveConfig] = {
    "notes_x2": notes_preset(),
    "sine_tanh": replace(CurveConfig(), target="sin", x_min=-6.0, x_max=6.0, n_points=200, activation="Tanh",
                         hidden_width=32, depth=2, lr=0.01, max_steps=3000),
    "noisy_overfit": replace(CurveConfig(), target="x^2", noise=0.8, n_points=30, test_fraction=0.3,
                             hidden_width=128, depth=3, lr=0.003, max_steps=5000),
}
