"""The Sweep lab's CSV tables (right-click on the table or the small multiples): plain rows, no Qt."""

from __future__ import annotations

import numpy as np


def axis_columns(spec, config) -> list:
    """The swept settings' values of one combination, in the spec's axis order."""
    return [getattr(config, axis.name) for axis in spec.axes]


def result_rows(spec, configs, train, test, steps: int):
    """One row per combination: run, the swept values, final train loss, final test loss (if any), steps."""
    if spec is None or train is None:
        return ("run",), []
    has_test = bool(np.isfinite(test).any())
    header = ["run", *(axis.name for axis in spec.axes), "train_loss"] + (["test_loss"] if has_test else [])
    header.append("steps")
    rows = [[i + 1, *axis_columns(spec, configs[i]), float(loss)] + ([float(test[i])] if has_test else []) + [steps]
            for i, loss in enumerate(train)]
    return header, rows


def loss_history_rows(spec, configs, history):
    """Long format, one row per run and step: run, the swept values, step, train loss.
    ``history`` is (steps, runs), or None when no sweep runs (the header alone)."""
    if spec is None:
        return ("run", "step", "train_loss"), []
    header = ["run", *(axis.name for axis in spec.axes), "step", "train_loss"]
    if history is None:
        return header, []

    def rows():
        for i in range(history.shape[1]):
            swept = axis_columns(spec, configs[i])
            for step, loss in enumerate(history[:, i], 1):
                yield [i + 1, *swept, step, float(loss)]

    return header, rows()
