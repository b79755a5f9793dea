"""The Classification lab's exported script reproduces the app's run."""

import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from playground.core.classify.config import PRESETS, ClassifyConfig
from playground.core.classify.export import parse_results, render_classify_script
from playground.core.training.script_code import write_script
from playground.core.classify.job import ClassifyJob, train_classifier


def run_script(tmp_path, text):
    path = tmp_path / "classify.py"
    write_script(path, text)
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return parse_results(result.stdout)


@pytest.mark.parametrize("config", [
    replace(PRESETS["xor_product"], max_steps=300, regularization="L2", reg_rate=0.001),
    replace(ClassifyConfig(dataset="gaussians", n_classes=3, n_points=120, hidden=(5,), activation="ReLU",
                           features=("x1", "x2", "x1^2", "sin x2"), regularization="L1", reg_rate=0.001,
                           optimizer="SGD + momentum", lr=0.05), max_steps=200),
], ids=["binary-L2-adam", "softmax-L1-momentum"])
@pytest.mark.slow
def test_exported_script_ends_at_the_apps_loss(tmp_path, config):
    job = train_classifier(config)
    results = run_script(tmp_path, render_classify_script(config, ClassifyJob(config).data))
    train_loss, train_acc = job.evaluate(job.x_train, job.y_train)
    test_loss, test_acc = job.evaluate(job.x_test, job.y_test)
    assert results["final_train_loss"] == pytest.approx(train_loss, rel=1e-4)
    assert results["final_test_loss"] == pytest.approx(test_loss, rel=1e-4)
    assert results["final_train_accuracy"] == pytest.approx(train_acc)
    assert results["final_test_accuracy"] == pytest.approx(test_acc)


@pytest.mark.slow
def test_drawn_points_are_carried_by_the_script(tmp_path):
    config = ClassifyConfig(dataset="draw", test_fraction=0.0, hidden=(), max_steps=100)
    points = np.array([[-3, -3], [-2, -4], [3, 3], [4, 2]], np.float32)
    job = ClassifyJob(config, (points, np.array([0, 0, 1, 1])))
    text = render_classify_script(config, job.data)
    assert "-3.0, -3.0" in text
    results = run_script(tmp_path, text)
    assert results["final_train_accuracy"] == 1.0 and "final_test_loss" not in results
