"""Fine-tuning on the user's own digits: it learns their style and keeps MNIST."""

import numpy as np
import pytest

from playground.core.mnist.preprocess import preprocess_drawing
from playground.core.mnist.digit_strokes import TEMPLATES, jitter, render
from playground.core.training.loop import run_loop
from playground.core.mnist.collection import DigitCollection
from playground.core.mnist.config import MnistConfig
from playground.core.mnist.data import MNIST_MEAN, MNIST_STD
from playground.core.mnist.finetune import FineTuneConfig, FineTuneError, FineTuneJob
from playground.core.mnist.job import MnistJob
from playground.core.persistence.model_io import load_model
from playground.core.training.run_control import RunControl


@pytest.fixture(scope="module")
def plain_mlp():
    """An MLP trained on MNIST alone (the usual augmentation, no added styles): it reads a flagged 1 with a base
    wrongly."""
    job = MnistJob(MnistConfig(epochs=4, seed=3), augment=True)
    run_loop(job, RunControl(paused=False), lambda p: None, stop_when_done=True)
    return job


def personal_ones(n: int, seed: int = 5) -> DigitCollection:
    rng = np.random.default_rng(seed)
    collection = DigitCollection()
    for _ in range(n):
        strokes = jitter(TEMPLATES[1]["flag_base"], rng)
        collection.add(preprocess_drawing(render(strokes, 64, 64 * rng.uniform(0.08, 0.14))), 1)
    return collection


def test_fine_tuning_learns_a_style_the_model_gets_wrong_and_keeps_mnist(plain_mlp, tmp_path):
    collection = personal_ones(40)            # 30 to fine-tune on, every 4th (10) held out
    job = FineTuneJob(plain_mlp.spec, plain_mlp.weights, collection, mean=MNIST_MEAN, std=MNIST_STD,
                      dataset=plain_mlp.dataset, config=FineTuneConfig(steps=150, seed=1))
    assert (job.personal_count, job.held_out_count) == (30, 10)
    assert job.before["personal"] <= 0.5      # the premise: this style is read wrongly
    progress = []
    run_loop(job, RunControl(paused=False), progress.append, stop_when_done=True)
    assert progress[-1].state == "finished" and progress[-1].snapshot["after"] is not None
    after = job.after
    assert after["personal"] >= job.before["personal"] + 0.4
    assert after["test"] >= job.before["test"] - 0.02
    path = tmp_path / "tuned.pt"
    job.save(path)
    loaded = load_model(path)
    assert loaded.metadata["fine_tuned"]["after"]["personal"] == after["personal"]
    assert abs(loaded.metadata["test_accuracy"] - after["test"]) < 1e-9


def test_fine_tuning_needs_examples(plain_mlp):
    with pytest.raises(FineTuneError):
        FineTuneJob(plain_mlp.spec, plain_mlp.weights, DigitCollection(), mean=MNIST_MEAN, std=MNIST_STD)


def test_the_original_weights_are_not_touched(plain_mlp):
    before = {k: v.clone() for k, v in plain_mlp.weights.items()}
    job = FineTuneJob(plain_mlp.spec, plain_mlp.weights, personal_ones(8), mean=MNIST_MEAN, std=MNIST_STD,
                      dataset=plain_mlp.dataset, config=FineTuneConfig(steps=5))
    run_loop(job, RunControl(paused=False), lambda p: None, stop_when_done=True)
    assert all((before[k] == plain_mlp.weights[k]).all() for k in before)
