"""Train the MNIST lab's bundled models from the bundled 5k subset, reproducibly.

    python scripts/train_bundled_models.py

Writes resources/models/mnist_mlp.pt and mnist_cnn.pt (CPU, seeded, with
augmentation: small shifts, rotations, scale and stroke thickness, so that digits
drawn on the canvas are recognised) and prints their test accuracy on the
held-out 1,000 images of the subset. Uses the app's own job and run_loop.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playground.core.loop import run_loop  # noqa: E402
from playground.core.mnist_config import MnistConfig  # noqa: E402
from playground.core.mnist_job import MnistJob  # noqa: E402
from playground.core.model_io import bundled_model_path, save_model  # noqa: E402
from playground.core.run_control import RunControl  # noqa: E402

RECIPES = {
    "mlp": MnistConfig(arch="mlp", hidden_width=128, depth=1, epochs=30, seed=1),
    "cnn": MnistConfig(arch="cnn", epochs=25, seed=1),
}


def train(arch: str) -> dict:
    import torch

    torch.set_num_threads(2)
    config = RECIPES[arch]
    job = MnistJob(config, augment=True)
    control = RunControl(paused=False)
    start = time.perf_counter()
    run_loop(job, control, lambda progress: None, interval=1.0, stop_when_done=True)
    meta = job.metadata()
    meta["augmented"] = True
    meta["script"] = "scripts/train_bundled_models.py"
    meta["date"] = "reproducible"
    path = bundled_model_path(arch)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_model(path, job.spec, job.model.state_dict(), meta)
    return {"arch": arch, "test_accuracy": job.test_acc[-1], "train_accuracy": job.train_acc[-1],
            "seconds": round(time.perf_counter() - start, 1), "file": str(path),
            "bytes": path.stat().st_size}


if __name__ == "__main__":
    archs = sys.argv[1:] or list(RECIPES)
    print(json.dumps([train(a) for a in archs], indent=2))
