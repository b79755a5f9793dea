"""The GD lab's CSV table (right-click on the plot or the table): plain rows, no Qt."""

from __future__ import annotations

import numpy as np


def path_rows(gd):
    """The walk as a table: each point reached (step 0 = the start), f there, and the gradient there."""
    two_d = gd.function.dims == 2
    header = ("step", "x", "y", "f(x, y)", "gradient_x", "gradient_y") if two_d else ("step", "x", "f(x)", "gradient")
    rows = []
    with np.errstate(all="ignore"):
        for step, point in enumerate(gd.path):
            g = gd.gradient(point)
            rows.append((step, *(float(v) for v in point), float(gd.value(point)), *(float(v) for v in g)))
    return header, rows
