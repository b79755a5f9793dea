"""The optimizer state in a session: saved with the weights, resumed exactly, refused when corrupt,
skipped (with a reason) when it does not fit the optimizer or network of the configuration."""

import base64
import io
import json
import math
from dataclasses import replace

import pytest
import torch

from playground.core.training import live_job as L
from playground.core.persistence import session as S
from playground.core.persistence import optimizer_state as O
from playground.core.curve.config import CurveConfig
from playground.core.curve.job import CurveJob, train_curve

CONFIG = CurveConfig(optimizer="Adam", lr=0.01)


@pytest.fixture(scope="module")
def trained():
    """A job after 300 Adam steps and its session entry (weights + optimizer), read back."""
    job, _losses = train_curve(CONFIG, 300)
    weights, step = L.job_weights(job)
    document = S.dumps({"curve": S.lab_entry(job.config, weights=weights, step=step,
                                             optimizer=L.job_optimizer(job))})
    return job, json.loads(document)


def _lab(document):
    return S.loads(json.dumps(document)).labs["curve"]


def _resume(lab, config=None, optimizer="saved"):
    job, notes = CurveJob(CONFIG), []
    saved = lab.optimizer if optimizer == "saved" else optimizer
    L.load_into_job(job, config or job.config, lab.weights, lab.step, saved, notes)
    return job, notes


def _blob(obj) -> str:
    buffer = io.BytesIO()
    torch.save(obj, buffer)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _with_optimizer(document, **changes):
    doc = json.loads(json.dumps(document))
    doc["labs"]["curve"]["training"]["optimizer"].update(changes)
    return doc


def test_resumed_adam_takes_the_same_step_as_the_original(trained):
    job, document = trained
    original = [job.step() for _ in range(3)]
    original_after = job.train_loss()
    lab = _lab(document)
    assert lab.optimizer.name == "Adam" and set(lab.optimizer.state) == {"state", "param_groups"}
    resumed, notes = _resume(lab)
    assert notes == [] and resumed.step_count == 300
    assert [resumed.step() for _ in range(3)] == pytest.approx(original, abs=1e-6)
    assert resumed.train_loss() == pytest.approx(original_after, abs=1e-6)
    # Without the state, Adam restarts its moments: the same three steps land elsewhere.
    fresh, _ = _resume(lab, optimizer=None)
    [fresh.step() for _ in range(3)]
    assert abs(fresh.train_loss() - original_after) > 1e-4


def test_the_configuration_wins_over_the_saved_hyperparameters(trained):
    _job, document = trained
    resumed, notes = _resume(_lab(document), replace(CONFIG, lr=0.002))
    assert notes == [] and resumed.optimizer.param_groups[0]["lr"] == 0.002
    assert resumed.optimizer.state[resumed.optimizer.param_groups[0]["params"][0]]  # the moments are there


def test_another_optimizer_in_the_configuration_skips_the_state_with_a_reason(trained):
    _job, document = trained
    lab = _lab(document)
    resumed, notes = _resume(lab, replace(CONFIG, optimizer="RMSprop"))
    assert len(notes) == 1 and "saved for Adam" in notes[0] and "RMSprop" in notes[0]
    assert isinstance(resumed.optimizer, torch.optim.RMSprop) and not resumed.optimizer.state
    assert math.isfinite(resumed.step())  # it trains


def test_a_state_that_does_not_fit_leaves_a_fresh_optimizer(trained):
    _job, document = trained
    lab = _lab(document)
    state = lab.optimizer.state
    wrong_shape = {"param_groups": state["param_groups"],
                   "state": {**state["state"], 0: {**state["state"][0], "exp_avg": torch.zeros(3, 3)}}}
    missing_key = {"param_groups": state["param_groups"],
                   "state": {k: {"step": v["step"]} for k, v in state["state"].items()}}
    fewer_params = {"param_groups": [{**state["param_groups"][0], "params": [0, 1]}],
                    "state": {0: state["state"][0]}}
    for name, bad, reason in (("shape", wrong_shape, "does not fit"), ("keys", missing_key, "cannot be used"),
                              ("layers", fewer_params, "other layers")):
        resumed, notes = _resume(lab, optimizer=O.SavedOptimizer("Adam", bad))
        assert len(notes) == 1 and reason in notes[0], (name, notes)
        assert not resumed.optimizer.state, name  # fresh, and it trains
        resumed.step()


def test_corrupt_optimizer_entries_are_refused_with_a_reason(trained):
    _job, document = trained
    lab = _lab(document)
    nan_state = {"param_groups": lab.optimizer.state["param_groups"],
                 "state": {0: {**lab.optimizer.state["state"][0],
                               "exp_avg": torch.full_like(lab.optimizer.state["state"][0]["exp_avg"], float("nan"))}}}
    no_weights = json.loads(json.dumps(document))
    del no_weights["labs"]["curve"]["training"]["weights"]
    cases = {
        "base64": (_with_optimizer(document, data="not base64!"), "optimizer: not valid base64"),
        "garbage": (_with_optimizer(document, data=base64.b64encode(b"garbage").decode()), "optimizer: cannot be read"),
        "mapping": (_with_optimizer(document, data=_blob({"x": torch.zeros(2)})), "'state' and 'param_groups'"),
        "groups": (_with_optimizer(document, data=_blob({"state": {}, "param_groups": [{"lr": 1}]})), "param_groups"),
        "nan": (_with_optimizer(document, data=_blob(nan_state)), "NaN"),
        "encoding": (_with_optimizer(document, encoding="pickle"), "training.optimizer must be"),
        "name": (_with_optimizer(document, name=7), "name"),
        "too large": (_with_optimizer(document, data="A" * (O.MAX_OPTIMIZER_CHARS + 4)), "too large"),
        "no weights": (no_weights, "only allowed together with training.weights"),
    }
    for name, (doc, reason) in cases.items():
        with pytest.raises(S.SessionError) as error:
            S.loads(json.dumps(doc))
        assert any(reason in p for p in error.value.problems), (name, error.value.problems)
