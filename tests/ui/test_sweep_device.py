"""The Sweep lab trains on the device of the settings it starts from (the Curve lab's), or on the CPU."""

from dataclasses import replace

import numpy as np
import torch
from PySide6.QtCore import Qt

from playground.core.config import invalid_fields
from playground.core.curve.config import notes_preset


def test_the_base_settings_device_is_used_and_a_missing_gpu_means_the_cpu(qtbot, window):
    sweep = window.labs["sweep"]
    window.tabs.setCurrentWidget(sweep)
    sweep.set_base_config(replace(notes_preset(), device="cuda"))
    sweep.set_axes([("lr", "0.003, 0.03")], steps=30)
    spec, problems = sweep.spec()
    assert problems == [] and spec.base.device == "cuda"
    assert invalid_fields(sweep.config()) == {}  # a session keeps the device
    qtbot.mouseClick(sweep.run_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: sweep._state == "finished", timeout=60_000)
    assert np.isfinite(sweep._train).all()  # trained: on the GPU if there is one, else on the CPU
    assert sweep.problem_label.isHidden()
    if not torch.cuda.is_available():
        assert "stopped because of an error" not in sweep.problem_label.text()
