"""Saving and loading MNIST-lab models.

A model file is ``torch.save`` of a dict::

    {"format": "nn-playground-model", "version": 1, "spec": {...architecture...},
     "state_dict": {...}, "metadata": {"dataset", "test_accuracy", "date", ...}}

Saving is atomic (core.persistence.atomic_file). Loading uses ``torch.load(weights_only=True)``
and checks everything; any problem raises :class:`ModelFileError` with a plain
English message (a translatable ``core.text.Text``), and nothing of the caller's current model is touched.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playground.core.persistence.atomic_file import atomic_save
from playground.core.mnist.models import SpecError, build_model, check_spec
from playground.core.persistence.model_meta import clean_metadata
from playground.core.persistence.safe_files import FileRefused, read_chosen
from playground.core.persistence.torch_blob import zip_problem
from playground.core.text import Text, exception_text, user_text

FORMAT = "nn-playground-model"
VERSION = 1
MAX_MODEL_BYTES = 256 * 2**20  # the bundled models are 0.1-0.4 MB; the largest allowed architecture far less


class ModelFileError(Exception):
    def __init__(self, message: Text | str, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = None if path is None else os.fspath(path)

    def __str__(self) -> str:
        return self.message


@dataclass
class LoadedModel:
    model: Any                     # a torch module on the CPU, in eval mode
    spec: dict
    metadata: dict = field(default_factory=dict)
    path: str = ""


def save_model(path: str | os.PathLike[str], spec: dict, state_dict: dict, metadata: dict | None = None) -> Path:
    meta = dict(metadata or {})
    meta.setdefault("date", _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"))
    payload = {"format": FORMAT, "version": VERSION, "spec": check_spec(spec),
               "state_dict": {k: v.detach().cpu() for k, v in state_dict.items()},
               "metadata": _plain(meta)}
    return atomic_save(payload, path)


def _plain(value):
    """Metadata as plain str/int/float/bool/None/list/dict (weights_only can load those)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def load_model(path: str | os.PathLike[str]) -> LoadedModel:
    import io
    import pickle
    import zipfile

    import torch

    path = Path(path)
    name = path.name
    try:  # a FIFO or a huge foreign file: refused before reading
        raw = read_chosen(path, MAX_MODEL_BYTES, name, user_text("a model file"))
    except FileRefused as exc:
        raise ModelFileError(exc.args[0], path) from None
    if not raw:
        raise ModelFileError(user_text("'{name}' is empty (0 bytes); it is not a saved model.", name=name), path)
    # torch's own exception texts are long and internal: the user is told what it means for them.
    truncated = ModelFileError(user_text("'{name}' is truncated or damaged: it ends early or has been changed "
                                         "since it was saved.", name=name), path)
    not_torch = ModelFileError(user_text("'{name}' is not a PyTorch model file (its contents cannot be read as "
                                         "saved weights).", name=name), path)
    problem = zip_problem(raw, MAX_MODEL_BYTES)  # the container's CRCs catch flipped bits torch would load
    if problem == "damaged":
        raise truncated
    if problem is not None:
        raise not_torch
    try:
        payload = torch.load(io.BytesIO(raw), map_location="cpu", weights_only=True)
    except (EOFError, zipfile.BadZipFile):
        raise truncated from None
    except pickle.UnpicklingError as exc:
        if "Unsupported global" in str(exc):
            raise ModelFileError(user_text("'{name}' contains Python objects other than weights; for safety only "
                                           "plain model files saved by NN Playground are opened.", name=name),
                                 path) from None
        raise not_torch from None
    except RuntimeError as exc:
        first = str(exc).splitlines()[0].lower() if str(exc) else ""
        raise (truncated if "zip" in first or "central directory" in first else not_torch) from None
    except OSError:
        raise truncated from None
    except Exception:  # anything else torch may raise on garbage
        raise not_torch from None
    return _validate(payload, path)


def _validate(payload: Any, path: Path) -> LoadedModel:
    import torch

    name = path.name
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        if isinstance(payload, dict) and all(isinstance(v, torch.Tensor) for v in payload.values()) and payload:
            raise ModelFileError(user_text("'{name}' holds a bare state_dict without an architecture description; "
                                           "open a model saved by NN Playground.", name=name), path)
        raise ModelFileError(user_text("'{name}' is a PyTorch file but not an NN Playground model "
                                       "(no 'nn-playground-model' header).", name=name), path)
    version = payload.get("version")
    if version != VERSION:
        raise ModelFileError(user_text("'{name}' has model format version {version}; this version of the app "
                                       "reads version {expected}.", name=name, version=repr(version),
                                       expected=VERSION), path)
    try:
        spec = check_spec(payload.get("spec"))
    except SpecError as exc:
        raise ModelFileError(user_text("'{name}' has an invalid architecture description: {problem}.",
                                       name=name, problem=exc.args[0]), path) from None
    state = payload.get("state_dict")
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise ModelFileError(user_text("'{name}' has no valid weights (state_dict).", name=name), path)
    try:
        metadata = clean_metadata(payload.get("metadata"))
    except ValueError as exc:
        raise ModelFileError(user_text("'{name}' has invalid metadata: {problem}.", name=name,
                                       problem=exception_text(exc)), path) from None
    model = build_model(spec)
    expected = model.state_dict()
    for key, tensor in state.items():  # a complex or integer tensor would be cast silently by load_state_dict
        if key in expected and tensor.dtype != expected[key].dtype:
            raise ModelFileError(user_text("'{name}': {key} holds {dtype} values; expected {expected}.", name=name,
                                           key=key, dtype=str(tensor.dtype), expected=str(expected[key].dtype)), path)
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as exc:
        first = str(exc).splitlines()
        detail = " ".join(line.strip() for line in first[:3])[:300]
        raise ModelFileError(user_text("'{name}': the weights do not fit the architecture it describes "
                                       "({detail}).", name=name, detail=detail), path) from None
    for key, tensor in state.items():
        if tensor.is_floating_point() and not bool(torch.isfinite(tensor).all()):
            raise ModelFileError(user_text("'{name}' has NaN or infinite weights (in {key}); the model is unusable.",
                                           name=name, key=key), path)
    model.eval()
    return LoadedModel(model, spec, metadata, str(path))


def bundled_model_path(arch: str) -> Path:
    from playground.core.paths import resources_dir

    return resources_dir() / "models" / f"mnist_{arch}.pt"


BUNDLED_ARCHS = ("mlp", "cnn")


def load_bundled_models() -> tuple[dict[str, LoadedModel], list[ModelFileError]]:
    """Every bundled MNIST model that opens ({arch: LoadedModel}) and why the others did not."""
    models, errors = {}, []
    for arch in BUNDLED_ARCHS:
        try:
            models[arch] = load_model(bundled_model_path(arch))
        except ModelFileError as exc:
            errors.append(exc)
    return models, errors
