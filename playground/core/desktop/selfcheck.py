"""``nn-playground selfcheck``, the part without Qt: the bundled files an installed app needs.

Each check returns a ``Check``; nothing raises, so one broken file never hides the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playground.core.paths import ICON_FILE, resources_dir

# The bundled models' test accuracy on the bundled test split must not fall below these
# (README: MLP 96.4 %, CNN 98.0 %; a small margin for another torch build's rounding).
MIN_ACCURACY = {"mlp": 0.95, "cnn": 0.97}


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


def _guarded(name: str, check) -> Check:
    try:
        return check()
    except Exception as exc:  # selfcheck reports every failure, whatever it is
        return Check(name, False, f"{type(exc).__name__}: {exc}")


def check_resources() -> Check:
    folder = resources_dir()
    needed = ["mnist/mnist_subset.npz", "models/mnist_mlp.pt", "models/mnist_cnn.pt",
              "i18n/playground_zh_CN.qm", ICON_FILE]
    missing = [name for name in needed if not (folder / name).is_file()]
    if missing:
        return Check("resources", False, f"missing in {folder}: {', '.join(missing)}")
    return Check("resources", True, str(folder))


def check_data() -> Check:
    from playground.core.mnist.data import load_bundled

    data = load_bundled()
    ok = data.num_train > 0 and data.num_test > 0
    return Check("bundled data", ok, data.describe())


def check_model(arch: str, data) -> Check:
    from playground.core.mnist.job import evaluate
    from playground.core.persistence.model_io import bundled_model_path, load_model

    loaded = load_model(bundled_model_path(arch))
    _, accuracy = evaluate(loaded.model, data.test_x, data.test_y)
    ok = accuracy >= MIN_ACCURACY[arch]
    return Check(f"bundled model {arch}", ok,
                 f"test accuracy {accuracy:.1%} on {len(data.test_y)} bundled test images "
                 f"(needs ≥ {MIN_ACCURACY[arch]:.0%})")


def core_checks() -> list[Check]:
    checks = [_guarded("resources", check_resources), _guarded("bundled data", check_data)]
    if checks[-1].ok:
        from playground.core.mnist.data import load_bundled, to_tensors

        try:
            data = to_tensors(load_bundled())
        except Exception as exc:  # e.g. torch missing or broken
            return checks + [Check("bundled models", False, f"{type(exc).__name__}: {exc}")]
        checks += [_guarded(f"bundled model {arch}", lambda arch=arch: check_model(arch, data)) for arch in MIN_ACCURACY]
    return checks


def translation_file() -> Path:
    return resources_dir() / "i18n" / "playground_zh_CN.qm"
