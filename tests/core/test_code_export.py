"""Exported scripts reproduce the app's training run (in a fresh interpreter)."""

import ast
import subprocess
import sys
from dataclasses import replace

import pytest

from playground.core.curve.code_export import parse_final_loss, render_curve_script
from playground.core.training.script_code import write_script
from playground.core.curve.config import CurveConfig, notes_preset
from playground.core.curve.job import train_curve

CASES = {
    "notes": replace(notes_preset(), max_steps=400),
    "sgd_momentum_minibatch_noise_split": replace(CurveConfig(), target="sin", optimizer="SGD + momentum", lr=0.05,
                                                  momentum=0.8, batch_size=16, noise=0.1, test_fraction=0.25,
                                                  activation="Tanh", hidden_width=16, depth=2, seed=7, max_steps=300),
    "custom_rmsprop_huber": replace(CurveConfig(), target="custom", expression="sin(2*x) + x^2/4", optimizer="RMSprop",
                                    loss="Huber", activation="GELU", lr=0.003, weight_decay=0.001, seed=3,
                                    n_points=50, max_steps=250),
    "leaky_adagrad_l1": replace(CurveConfig(), target="step", activation="LeakyReLU", optimizer="Adagrad", loss="L1",
                                lr=0.05, depth=3, hidden_width=8, seed=11, max_steps=200),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_exported_script_reaches_the_apps_final_loss(name, tmp_path):
    config = CASES[name]
    job, _losses = train_curve(config)
    expected = job.train_loss()
    path = tmp_path / f"{name}.py"
    write_script(path, render_curve_script(config))
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=120,
                            cwd=tmp_path)  # cwd outside the repo: the script needs only torch + numpy
    assert result.returncode == 0, result.stderr[-2000:]
    got = parse_final_loss(result.stdout)
    assert got == pytest.approx(expected, rel=1e-4)


def test_script_is_readable_standalone_python():
    text = render_curve_script(notes_preset())
    tree = ast.parse(text)
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in node.names}
    assert imported == {"numpy", "torch"}
    assert "playground" not in text
    for fragment in ("torch.manual_seed(SEED)", "nn.Linear(1, 10), nn.ReLU()", "nn.MSELoss()",
                     "torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=0.0, fused=True)", "STEPS = 2000"):
        assert fragment in text
    assert text.count("#") >= 12  # commented


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "fit.py"
    write_script(path, "print(1)\n")
    write_script(path, "print(2)\n")
    assert path.read_text() == "print(2)\n"
    assert [p.name for p in tmp_path.iterdir()] == ["fit.py"]
