"""The MNIST lab's exported script trains exactly like the app's MNIST job."""

import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from playground.core.mnist.idx import write_idx
from playground.core.mnist.config import notes_cnn, notes_mlp
from playground.core.mnist.data import MNIST_MEAN, MNIST_STD, load_bundled, load_folder
from playground.core.mnist.export import parse_final_accuracy, render_mnist_script
from playground.core.mnist.job import MnistJob


def app_accuracy(config, dataset):
    job = MnistJob(config, dataset)
    while not job.done():
        job.step()
    return job.test_acc[-1]


def run_script(tmp_path, text):
    script = tmp_path / "exported_mnist.py"
    script.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return parse_final_accuracy(result.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("config", [replace(notes_mlp(), epochs=1, train_limit=1000),
                                    replace(notes_cnn(), epochs=1, train_limit=300, optimizer="SGD + momentum", lr=0.05)])
def test_exported_script_on_bundled_data_matches_the_app(tmp_path, config):
    text = render_mnist_script(config, mean=MNIST_MEAN, std=MNIST_STD)
    compile(text, "exported_mnist.py", "exec")
    assert "torch.manual_seed(SEED)" in text and "import playground" not in text
    assert run_script(tmp_path, text) == pytest.approx(app_accuracy(config, load_bundled()), abs=1e-9)


@pytest.mark.slow
def test_exported_script_reads_the_same_dataset_folder(tmp_path):
    bundled = load_bundled()
    folder = tmp_path / "MNIST" / "raw"
    folder.mkdir(parents=True)
    write_idx(folder / "train-images-idx3-ubyte.gz", bundled.train_images[:600])
    write_idx(folder / "train-labels-idx1-ubyte.gz", bundled.train_labels[:600])
    write_idx(folder / "t10k-images-idx3-ubyte", bundled.test_images[:200])
    write_idx(folder / "t10k-labels-idx1-ubyte", bundled.test_labels[:200])
    dataset = load_folder(tmp_path)
    config = replace(notes_mlp(), epochs=2, hidden_width=32)
    text = render_mnist_script(config, folder=str(tmp_path), mean=dataset.mean, std=dataset.std)
    assert "t10k-images-idx3-ubyte" in text
    accuracy = run_script(tmp_path, text)
    assert accuracy == pytest.approx(app_accuracy(config, dataset), abs=1e-9)
    assert 0.5 < accuracy <= 1.0 and np.isfinite(accuracy)
