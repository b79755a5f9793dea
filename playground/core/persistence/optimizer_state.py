"""An optimizer's state in a session file, so that training resumes exactly where it was.

A fresh Adam forgets its moments and the loss visibly jumps. A lab needs three calls:
``optimizer_snapshot`` when saving (on the training thread), ``session.lab_entry(optimizer=...)``,
and ``restore_optimizer`` when loading (on the training thread, right after the weights).
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from typing import Any

from playground.core.text import user_text
from playground.core.persistence.torch_blob import ENCODING, decode_blob, encode_blob

MAX_OPTIMIZER_CHARS = 32 * 1024 * 1024  # base64 text of one optimizer state (Adam: two tensors per weight)


@dataclass
class SavedOptimizer:
    name: str                 # the OPTIMIZERS name it was built as ("Adam")
    state: dict[str, Any]     # torch's optimizer.state_dict(): {"state": {...}, "param_groups": [...]}


def optimizer_snapshot(name: str, optimizer) -> SavedOptimizer | None:
    """A CPU copy of ``optimizer``'s state under its OPTIMIZERS name; None if it was never built.

    Call it between two steps on the thread that trains: the copy stays valid while training goes on."""
    if optimizer is None:
        return None
    return SavedOptimizer(name, _cpu_copy(optimizer.state_dict()))


def _cpu_copy(value: Any) -> Any:
    import torch

    if isinstance(value, torch.Tensor):
        return value.detach().cpu().clone()
    if isinstance(value, dict):
        return {key: _cpu_copy(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_cpu_copy(item) for item in value)
    return value


def encode_optimizer(saved: SavedOptimizer) -> dict[str, str]:
    return {"name": saved.name, "encoding": ENCODING, "data": encode_blob(saved.state)}


def decode_optimizer(entry: Any) -> SavedOptimizer:
    """The JSON ``training.optimizer`` entry → SavedOptimizer; raises ValueError with a readable reason."""
    if not isinstance(entry, dict) or set(entry) != {"name", "encoding", "data"} \
            or entry["encoding"] != ENCODING:
        raise ValueError(user_text("optimizer must be {{'name': ..., 'encoding': {encoding}, 'data': ...}}",
                                   encoding=repr(ENCODING)))
    name, data = entry["name"], entry["data"]
    if not isinstance(name, str) or not 0 < len(name) <= 40:
        raise ValueError(user_text("optimizer: 'name' must be the optimizer's name"))
    if isinstance(data, str) and len(data) > MAX_OPTIMIZER_CHARS:
        raise ValueError(user_text("optimizer: the state is too large (over {size} MB)",
                                   size=MAX_OPTIMIZER_CHARS // (1024 * 1024)))
    state = decode_blob(data, "optimizer")
    problem = _optimizer_state_problem(state)
    if problem is not None:
        raise ValueError(user_text("optimizer: {problem}", problem=problem))
    return SavedOptimizer(name, state)


def _optimizer_state_problem(state: Any) -> str | None:
    """Is ``state`` shaped like torch's ``optimizer.state_dict()``, with finite values?"""
    import torch

    if not isinstance(state, dict) or set(state) != {"state", "param_groups"}:
        return user_text("expected a mapping with 'state' and 'param_groups'")
    groups, per_param = state["param_groups"], state["state"]
    if not isinstance(groups, list) or not groups \
            or not all(isinstance(g, dict) and isinstance(g.get("params"), list) for g in groups):
        return user_text("'param_groups' must be a list of groups, each with its 'params'")
    ids = [i for g in groups for i in g["params"]]
    if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids) or len(set(ids)) != len(ids):
        return user_text("'params' must list distinct parameter numbers")
    if not isinstance(per_param, dict) or not set(per_param) <= set(ids) \
            or not all(isinstance(values, dict) for values in per_param.values()):
        return user_text("'state' must map parameter numbers of 'param_groups' to their values")
    for values in per_param.values():
        for key, value in values.items():
            finite = bool(torch.isfinite(value).all()) if isinstance(value, torch.Tensor) else \
                not isinstance(value, float) or math.isfinite(value)
            if not isinstance(key, str) or not finite:
                return user_text("the state {key} is not a name or contains NaN or infinite values", key=repr(key))
    return None


def restore_optimizer(optimizer, saved: SavedOptimizer | None, name: str):
    """Load ``saved`` into ``optimizer``, built for the weights just loaded (on the training thread).

    Returns None when it worked or there was nothing to load; otherwise why it was skipped
    (``user_text``), and ``optimizer`` is left as it was. The hyperparameters (learning rate,
    momentum...) stay those ``optimizer`` was built with: the configuration wins over the file.
    """
    if saved is None:
        return None
    if saved.name != name:
        return user_text("it was saved for {saved}, but the configuration uses {name}", saved=saved.name, name=name)
    candidate, problem = _fitted_state(optimizer, saved.state)
    if problem is None:
        problem = _probe_problem(optimizer, candidate)
    if problem is None:
        try:
            optimizer.load_state_dict(candidate)  # all or nothing: torch assigns the new state last
        except Exception as exc:  # noqa: BLE001 - the probe passed; still never let a file crash training
            problem = user_text("its state cannot be used ({reason})", reason=type(exc).__name__)
    return problem


def _fitted_state(optimizer, state: dict[str, Any]):
    """The saved per-weight state with ``optimizer``'s own hyperparameters, or why it does not fit."""
    import torch

    own = optimizer.state_dict()["param_groups"]
    saved = state["param_groups"]
    if [len(g["params"]) for g in own] != [len(g["params"]) for g in saved]:
        return None, user_text("its state is for a network with other layers")
    params = [p for g in optimizer.param_groups for p in g["params"]]
    position = {i: n for n, i in enumerate(i for g in saved for i in g["params"])}
    for key, values in state["state"].items():
        shape = params[position[key]].shape
        if any(isinstance(v, torch.Tensor) and v.dim() > 0 and v.shape != shape for v in values.values()):
            return None, user_text("its state does not fit the network's weights")
    groups = [{**mine, "params": theirs["params"]} for mine, theirs in zip(own, saved)]
    # A copy: torch keeps the given tensors as the optimizer's state and training updates them in place.
    return copy.deepcopy({"state": state["state"], "param_groups": groups}), None


def _probe_problem(optimizer, candidate: dict[str, Any]):
    """Try the state on a copy of the optimizer and its weights: one step with zero gradients."""
    import torch

    try:
        probe = copy.deepcopy(optimizer)
        probe.load_state_dict(copy.deepcopy(candidate))
        params = [p for g in probe.param_groups for p in g["params"]]
        for p in params:
            p.grad = torch.zeros_like(p)
        probe.step()
    except Exception as exc:  # noqa: BLE001 - a hand-made state may break anything; the real optimizer stays fresh
        return user_text("its state cannot be used ({reason})", reason=type(exc).__name__)
    if not all(bool(torch.isfinite(p).all()) for p in params):
        return user_text("its state makes the weights NaN or infinite")
    return None
