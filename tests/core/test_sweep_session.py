"""A sweep's set-up as a validated config, and its results (weights, step, loss histories) in a session."""

import json
from dataclasses import replace

import numpy as np
import pytest

from playground.core.persistence import session
from playground.core.config import from_dict, to_dict
from playground.core.curve.config import notes_preset
from playground.core.sweep.batched import SweepJob, train_sweep
from playground.core.sweep.config import (SweepConfig, make_sweep_config, run_prefix, saved_training_problems,
                                          split_run_weights)

STEPS = 60


def _config(**axes) -> SweepConfig:
    config = make_sweep_config(replace(notes_preset(), test_fraction=0.2),
                               [("hidden_width", "2, 8"), ("depth", "1, 2")], STEPS)
    return replace(config, **axes)


def test_config_round_trips_and_describes_the_sweep():
    config = _config()
    again, problems = from_dict(SweepConfig, json.loads(json.dumps(to_dict(config))))
    assert problems == [] and again == config
    spec, problems = config.spec()
    assert problems == [] and spec.count() == 4 and spec.steps == STEPS
    assert [(c.hidden_width, c.depth) for c in spec.configs()] == [(2, 1), (2, 2), (8, 1), (8, 2)]
    assert spec.base.test_fraction == 0.2 and type(spec.base).__name__ == "CurveConfig"


@pytest.mark.parametrize("changes, field", [
    ({"rows": "colour"}, "rows"),
    ({"row_values": [2, 8]}, "row_values"),
    ({"row_values": "2, eight"}, "row_values"),
    ({"columns": "hidden_width"}, "columns"),
    ({"row_values": ", ".join(map(str, range(1, 12))), "columns": "seed",
      "column_values": ", ".join(map(str, range(10)))}, "column_values"),  # 110 combinations
    ({"max_steps": 0}, "max_steps"),
    ({"device": "tpu"}, "device"),
])
def test_nonsense_is_named_and_a_usable_sweep_remains(changes, field):
    data = to_dict(_config()) | changes
    config, problems = from_dict(SweepConfig, data)
    assert any(p.startswith(field) for p in problems), problems
    with pytest.raises(session.SessionError):
        session.loads(json.dumps({"format": session.FORMAT, "version": 1, "labs": {"sweep": {"config": data}}}))
    assert config.with_usable_axes().spec()[0] is not None


def test_results_come_back_from_saved_weights_and_histories():
    config = _config()
    job = train_sweep(config.spec()[0])
    saved = job.saved()
    state = {run_prefix(i) + name: t for i, weights in enumerate(saved.weights) for name, t in weights.items()}
    entry = session.lab_entry(config, weights=state, step=saved.step, loss_history=saved.history.reshape(-1))
    text = json.dumps({"format": session.FORMAT, "version": 1, "labs": {"sweep": entry}})
    lab = session.loads(text).labs["sweep"]
    assert saved_training_problems(config, lab.step, lab.loss_history) == []
    runs, strays = split_run_weights(lab.weights, 4)
    assert strays == []
    again = SweepJob(config.spec()[0], type(saved)(runs, lab.step, lab.loss_history.reshape(lab.step, 4)))
    np.testing.assert_allclose(again.train_losses(), job.train_losses(), rtol=1e-6)
    np.testing.assert_allclose(again.test_losses(), job.test_losses(), rtol=1e-6)
    np.testing.assert_allclose(again.fits(), job.fits(), rtol=1e-6)
    np.testing.assert_array_equal(again.loss_history(), job.loss_history())
    assert again.done() and again.step_count == STEPS

    # The same weights under another set-up, a stray entry, a missing run: refused with a reason.
    other = replace(config, row_values="3, 8")
    wrong = dict(entry, config=to_dict(other))
    with pytest.raises(session.SessionError, match="run 1"):
        session.loads(json.dumps({"format": session.FORMAT, "version": 1, "labs": {"sweep": wrong}}))
    assert "no run" in split_run_weights(state | {"run9.0.weight": state["run1.0.weight"]}, 4)[1][0]
    assert saved_training_problems(config, STEPS, lab.loss_history[:-1])
    assert saved_training_problems(config, STEPS + 1, None)


def test_a_diverged_run_is_saved_without_weights_and_comes_back_diverged():
    config = make_sweep_config(replace(notes_preset(), optimizer="SGD"), [("lr", "0.001, 5")], 50)
    job = train_sweep(config.spec()[0])
    assert list(job.snapshot()["diverged"]) == [False, True]
    saved = job.saved()
    assert saved.weights[1] == {} and saved.weights[0]
    state = {run_prefix(i) + name: t for i, weights in enumerate(saved.weights) for name, t in weights.items()}
    entry = session.lab_entry(config, weights=state, step=saved.step, loss_history=saved.history.reshape(-1))
    lab = session.loads(json.dumps({"format": session.FORMAT, "version": 1, "labs": {"sweep": entry}})).labs["sweep"]
    runs, _ = split_run_weights(lab.weights, 2)
    again = SweepJob(config.spec()[0], type(saved)(runs, lab.step, lab.loss_history.reshape(lab.step, 2)))
    snap = again.snapshot()
    assert list(snap["diverged"]) == [False, True]
    np.testing.assert_allclose(snap["train_loss"][0], job.train_losses()[0], rtol=1e-6)
