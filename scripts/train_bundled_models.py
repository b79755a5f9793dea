"""Train the MNIST lab's bundled models from the bundled 5k subset, reproducibly.

    python scripts/train_bundled_models.py [--out FOLDER] [mlp] [cnn]

Writes resources/models/mnist_mlp.pt and mnist_cnn.pt (CPU, seeded, with
augmentation: small shifts, rotations, scale and stroke thickness, so that digits
drawn on the canvas are recognised) and prints their test accuracy on the
held-out 1,000 images of the subset and on the style test set
(resources/mnist/style_set.npz, scripts/build_style_set.py; never trained on).
Uses the app's own job and run_loop.

Styles MNIST lacks (flagged and based 1s, crossed 7s, open 9s, open 4s, very thin and
very thick strokes, slant): SYNTHETIC_PER_STYLE jittered drawings of each stroke
template of core/mnist/digit_strokes.py, rendered with a numpy pen (seed SYNTHETIC_SEED),
are added to the 4,000 training images; the test split stays MNIST's.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from playground.core.mnist.digit_strokes import load_style_set, synthetic_digits  # noqa: E402
from playground.core.training.loop import run_loop  # noqa: E402
from playground.core.mnist.data import DigitDataset, load_bundled  # noqa: E402
from playground.core.mnist.config import MnistConfig  # noqa: E402
from playground.core.mnist.job import MnistJob, evaluate  # noqa: E402
from playground.core.persistence.model_io import bundled_model_path, save_model  # noqa: E402
from playground.core.training.run_control import RunControl  # noqa: E402

RECIPES = {
    "mlp": MnistConfig(arch="mlp", hidden_width=128, depth=1, epochs=30, seed=1),
    "cnn": MnistConfig(arch="cnn", epochs=25, seed=1),
}

SYNTHETIC_PER_STYLE = 120
SYNTHETIC_SEED = 1


def training_dataset() -> DigitDataset:
    """The bundled subset with the stroke-drawn styles added to its training split."""
    from dataclasses import replace

    bundled = load_bundled()
    images, labels = synthetic_digits(SYNTHETIC_PER_STYLE, SYNTHETIC_SEED)
    return replace(bundled, train_images=np.concatenate([bundled.train_images, images]),
                   train_labels=np.concatenate([bundled.train_labels, labels]))


def style_accuracy(model, mean: float, std: float) -> float:
    import torch

    images, labels, _styles = load_style_set()
    x = torch.from_numpy(((images / 255.0 - mean) / std).astype(np.float32)).view(-1, 1, 28, 28)
    return evaluate(model, x, torch.from_numpy(labels.astype(np.int64)))[1]


def train(arch: str, dataset: DigitDataset, out: Path | None = None) -> dict:
    import torch

    torch.set_num_threads(1)  # one intra-op thread: much faster than two on a shared, loaded machine
    config = RECIPES[arch]
    job = MnistJob(config, dataset, augment=True)
    control = RunControl(paused=False)
    start = time.perf_counter()
    def report(progress) -> None:  # a line every ~10 s on stderr: long runs show they are alive
        print(f"{arch}: step {progress.step}/{job.total_steps}, test {job.test_acc[-1:]}", file=sys.stderr, flush=True)

    run_loop(job, control, report, interval=10.0, stop_when_done=True)
    meta = job.metadata()
    meta["augmented"] = True
    meta["synthetic_styles"] = {"per_style": SYNTHETIC_PER_STYLE, "seed": SYNTHETIC_SEED}
    meta["style_accuracy"] = style_accuracy(job.model, job.dataset.mean, job.dataset.std)
    meta["train_images"] = len(job.train_y)
    meta["script"] = "scripts/train_bundled_models.py"
    meta["date"] = "reproducible"
    path = bundled_model_path(arch) if out is None else out / bundled_model_path(arch).name
    path.parent.mkdir(parents=True, exist_ok=True)
    save_model(path, job.spec, job.model.state_dict(), meta)
    return {"arch": arch, "test_accuracy": job.test_acc[-1], "style_accuracy": meta["style_accuracy"],
            "train_accuracy": job.train_acc[-1],
            "seconds": round(time.perf_counter() - start, 1), "file": str(path),
            "bytes": path.stat().st_size}


if __name__ == "__main__":
    args = sys.argv[1:]
    out = None
    if "--out" in args:  # try a recipe without replacing the bundled files
        at = args.index("--out")
        out, args = Path(args[at + 1]), args[:at] + args[at + 2:]
    data = training_dataset()
    for arch in args or list(RECIPES):
        print(json.dumps(train(arch, data, out)), flush=True)
