"""The Autograd lab driven through its widgets: the notes' numbers, bad input, the pitfalls, the network, export."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import Qt

from playground.core.autograd.config import NOTES_QUADRATIC


@pytest.fixture
def lab(window):
    lab = window.labs["autograd"]
    window.tabs.setCurrentWidget(lab)  # start_backend builds the first graph
    assert lab.walk is not None
    return lab


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.LeftButton)


def node_text(lab, name):
    node = lab.walk.graph.by_name(name)
    return " | ".join(t.text() for t in lab.view.texts[node.id])


def open_lesson(window, key):
    assert window.teaching_menus.open_lesson(key)
    return window.labs["autograd"]


def test_quadratic_lesson_gives_11_and_7_then_14_without_zeroing(qtbot, window, lab):
    lab = open_lesson(window, "autograd_quadratic")
    assert lab.program_edit.toPlainText() == NOTES_QUADRATIC
    assert "value ?" in node_text(lab, "y")
    click(qtbot, lab.forward_all_button)
    assert "value 11" in node_text(lab, "y")
    click(qtbot, lab.backward_all_button)
    assert "x.grad 7" in node_text(lab, "x") and "PowBackward0" in " ".join(
        t.text() for texts in lab.view.texts.values() for t in texts)
    click(qtbot, lab.backward_all_button)  # again, without Zero grad
    assert "x.grad 14" in node_text(lab, "x")
    assert lab.note.isVisible() and "zero_grad" in lab.note.text()
    click(qtbot, lab.zero_grad_button)
    click(qtbot, lab.backward_all_button)
    assert "x.grad 7" in node_text(lab, "x")


def test_neuron_lesson_step_by_step_with_the_chain_rule(qtbot, window, lab):
    lab = open_lesson(window, "autograd_neuron")
    lab.view.setFocus()  # (in the program field, Space types a space)
    for _ in range(len(lab.walk.forward_steps)):
        qtbot.keyClick(lab.view, Qt.Key_Space)
    assert "value 2.5" in node_text(lab, "y") and "value 0.25" in node_text(lab, "loss")
    steps = 0
    while not lab.walk.backward_done:
        click(qtbot, lab.backward_step_button)
        steps += 1
    assert steps == len(lab.walk.graph.backward_order)
    assert "w.grad −2" in node_text(lab, "w") and "b.grad −1" in node_text(lab, "b")
    assert "not tracked" in node_text(lab, "x")  # x is data: requires_grad off, as in the notes
    w = lab.walk.graph.by_name("w")
    rect = lab.view.mapFromScene(lab.view.node_rect(w.id).center())
    qtbot.mouseClick(lab.view.viewport(), Qt.LeftButton, pos=rect)
    assert lab.selected == w.id
    text = lab.explanation.text()
    assert "∂loss/∂w" in text and "(−1) · 2" in text and "−2" in text


@pytest.mark.parametrize("bad", ["x = 2; y = __import__('os').system('echo hi')", "x = 2; y = x.__class__",
                                 "x = 1; y = " + "x+" * 5000 + "x", "x = 2; y = " + "(" * 100 + "x" + ")" * 100])
def test_bad_programs_get_a_message_at_the_field_and_change_nothing(qtbot, lab, bad):
    before = (lab.config(), len(lab.view.boxes), lab.walk)
    lab.program_edit.setPlainText(bad)
    click(qtbot, lab.build_button)
    assert lab.error_label.isVisible() and lab.error_label.text()
    assert (lab.config(), len(lab.view.boxes), lab.walk) == before
    lab.program_edit.setPlainText("a = 3; b = a * a")
    click(qtbot, lab.build_button)
    assert not lab.error_label.isVisible() and lab.walk.graph.by_name("b").value == 9


def test_slider_recomputes_and_rewrites_the_program(qtbot, lab):
    lab.load_example("quadratic")
    click(qtbot, lab.backward_all_button)
    _label, _slider, box, _check = lab.leaf_controls.rows["x"]
    box.setValue(3.0)
    assert lab.program_edit.toPlainText() == "x = 3; y = x^2 + 3*x + 1"
    assert "value 19" in node_text(lab, "y") and "x.grad 9" in node_text(lab, "x")


def test_requires_grad_off_greys_the_branch(qtbot, lab):
    lab.program_edit.setPlainText("w = 1; x = 2; b = 0.5; u = w*x; y = u + b")
    click(qtbot, lab.build_button)
    lab.leaf_controls.rows["w"][3].click()
    lab.leaf_controls.rows["x"][3].click()
    assert not lab.walk.graph.by_name("u").tracked
    assert lab.view.boxes[lab.walk.graph.by_name("u").id].pen().style() == Qt.DashLine
    click(qtbot, lab.backward_all_button)
    assert "b.grad 1" in node_text(lab, "b") and "not tracked" in node_text(lab, "w")
    assert lab.config().frozen == "w,x"


def test_no_grad_step_and_what_goes_wrong_without_it(qtbot, lab):
    lab.load_example("neuron")
    click(qtbot, lab.backward_all_button)
    lab.lr_box.setValue(0.1)
    click(qtbot, lab.why_button)
    assert "in-place" in lab.note.text() and "SubBackward0" in lab.note.text()
    click(qtbot, lab.descent_button)
    assert "w = 1.2; b = 0.6" in lab.program_edit.toPlainText()
    assert lab.walk.graph.by_name("loss").value == pytest.approx(0.0, abs=1e-12)


def test_gradients_of_one_curve_point_on_the_network_diagram(qtbot, window, lab):
    import torch

    from playground.core.autograd.network_grad import training_points
    from playground.core.training.models import build_mlp

    lab.network.point_box.setValue(7)
    click(qtbot, lab.network.point_button)
    result = lab.network.result
    from playground.core.config import from_dict
    from playground.core.curve.config import CurveConfig

    state = window.curve_lab.session_state(with_training=True)
    config = from_dict(CurveConfig, state["config"])[0]
    model = build_mlp(1, 1, config.hidden_width, config.depth, config.activation).double()
    model.load_state_dict({k: v.double() for k, v in state["weights"].items()})
    xs, ys = training_points(config)
    loss = torch.nn.functional.mse_loss(model(torch.tensor([[float(xs[7])]], dtype=torch.float64)),
                                        torch.tensor([[float(ys[7])]], dtype=torch.float64))
    loss.backward()
    assert result.x == pytest.approx(float(xs[7]))
    assert result.grads[0][0] == pytest.approx(model[0].weight.grad.numpy(), rel=1e-4, abs=1e-6)
    layout = lab.network.diagram.layout_
    assert layout is not None and np.std([edge.width for edge in layout.edges]) > 0  # widths follow |gradient|
    assert "loss" in lab.network.caption.text()


def test_exported_snippet_prints_the_labs_numbers(qtbot, window, lab, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    lab.load_example("neuron")
    click(qtbot, lab.backward_all_button)
    path = tmp_path / "graph.py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    assert window.teaching_menus.export_code() == str(path)
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    printed = dict(line.split(" = ") for line in result.stdout.strip().splitlines())
    assert (printed["y"], printed["loss"], printed["dloss/dw"], printed["dloss/db"], printed["dloss/dx"]) == \
        ("2.5", "0.25", "-2.0", "-1.0", "None")


def test_graph_saves_as_png_and_svg(qtbot, lab, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from playground.ui import export

    for kind in ("png", "svg"):
        path = tmp_path / f"graph.{kind}"
        monkeypatch.setattr(export, "ask_save_path", lambda *a, path=path: str(path))
        assert lab.view.plot_export.save_image(kind) == str(path)
        assert path.stat().st_size > 1000
    image = QImage(str(tmp_path / "graph.png"))
    assert image.width() >= 2 * lab.view.scene().sceneRect().width() - 2


def test_session_round_trip(qtbot, window, lab, tmp_path, monkeypatch):
    from playground.ui import classroom

    lab.program_edit.setPlainText("p = 1.5; q = -2; r = p * q + sin(p)")
    click(qtbot, lab.build_button)
    lab.leaf_controls.rows["q"][3].click()
    path = tmp_path / "s.nnplay"
    monkeypatch.setattr(classroom, "ask_save_path", lambda *a: str(path))
    window.classroom.save_session(with_training=False)
    saved = json.loads(path.read_text())["labs"]["autograd"]["config"]
    assert saved["program"] == "p = 1.5; q = -2; r = p * q + sin(p)" and saved["frozen"] == "q"
    lab.load_example("quadratic")
    monkeypatch.setattr(classroom, "ask_open_path", lambda *a: str(path))
    window.classroom.open_session()
    assert lab.program_edit.toPlainText() == "p = 1.5; q = -2; r = p * q + sin(p)"
    assert not lab.walk.graph.by_name("q").tracked


def test_theme_switch_recolours_the_graph(qtbot, window, lab, classroom_env):
    lab.load_example("quadratic")
    dark = lab.view.boxes[0].brush().color().name()
    window.classroom.set_theme(False)
    assert lab.view.boxes[0].brush().color().name() != dark
    window.classroom.set_theme(True)


FORTY_NODE_CHECK = r"""
import json, os, sys
from playground.app import create_app
app = create_app()
from PySide6.QtCore import QEventLoop, QTimer
from playground.ui.main_window import MainWindow
w = MainWindow(); w.show()
lab = w.labs["autograd"]; w.tabs.setCurrentWidget(lab)
w.classroom.presentation.set_active(True)
lab.program_edit.setPlainText(sys.argv[1]); lab.apply_program()
lab._do("backward_all")
two_inputs = next(n.id for n in lab.walk.graph.nodes if len(lab.walk.graph.inputs(n.id)) == 2)
lab.select_node(two_inputs)
loop = QEventLoop(); QTimer.singleShot(500, loop.quit); loop.exec()
view = lab.view
boxes = [view.node_rect(n) for n in view.boxes]
labels = [item.sceneBoundingRect() for item in view.visible_labels()]
texts = [(t.sceneBoundingRect(), view.node_rect(n)) for n, ts in view.texts.items() for t in ts if t.text()]
edge_labels = [b.sceneBoundingRect() for b, _l in view.edge_labels.values() if b.isVisible()]
result = {
    "screen": [w.width(), w.height()], "nodes": len(boxes), "edge_labels": len(edge_labels),
    "box_overlaps": sum(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]),
    "text_outside_box": sum(not box.contains(t) for t, box in texts),
    "edge_label_overlaps": sum(a.intersects(b) for i, a in enumerate(edge_labels) for b in edge_labels[i + 1:])
                           + sum(a.intersects(b) for a in edge_labels for b in boxes),
    "scene_fits_view": view.mapFromScene(view.sceneRect()).boundingRect().width() <= view.viewport().width() + 2,
}
if len(sys.argv) > 2:
    w.grab().save(sys.argv[2])
print(json.dumps(result))
w.shutdown()
"""


def test_forty_node_graph_has_no_overlapping_labels_at_1024x768_in_presentation_mode(tmp_path):
    from tests.core.test_autograd_core import FORTY_NODES

    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": 1024, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
    shot = os.environ.get("AUTOGRAD_SHOT", "")
    args = [sys.executable, "-c", FORTY_NODE_CHECK, FORTY_NODES] + ([shot] if shot else [])
    done = subprocess.run(args, capture_output=True, text=True, timeout=600, env=env, cwd=os.getcwd())
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["screen"] == [1024, 768] and result["nodes"] >= 40 and result["edge_labels"] >= 2
    assert result["box_overlaps"] == 0 and result["text_outside_box"] == 0
    assert result["edge_label_overlaps"] == 0 and result["scene_fits_view"]


def test_typing_in_the_program_field_is_not_taken_by_the_step_keys(qtbot, lab):
    lab.program_edit.setPlainText("")
    lab.program_edit.setFocus()
    qtbot.keyClicks(lab.program_edit, "s = 2; r = s * s")
    assert lab.program_edit.toPlainText() == "s = 2; r = s * s"
    assert lab.walk.forward_shown == 0  # neither S (step) nor Space moved the walk
    qtbot.keyClick(lab.program_edit, Qt.Key_Return, Qt.ControlModifier)
    assert lab.walk.graph.by_name("r").value == 4


@pytest.mark.slow  # a fresh interpreter, so that torch is not loaded yet
def test_opening_the_lab_first_loads_torch_off_the_gui_thread(tmp_path):
    """Opened before any other lab loaded torch: torch is imported on a worker thread, then the graph shows."""
    import textwrap

    code = textwrap.dedent(f"""
        import os, sys, threading, importlib.abc
        os.environ["NN_PLAYGROUND_SETTINGS"] = {str(tmp_path / "settings.ini")!r}
        importers = []
        class Watch(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path, target=None):
                if name == "torch" and not importers:
                    importers.append(threading.current_thread() is threading.main_thread())
                return None
        sys.meta_path.insert(0, Watch())
        from playground.app import create_app
        app = create_app()
        from PySide6.QtCore import QEventLoop, QTimer
        from playground.ui.main_window import MainWindow
        w = MainWindow(); w.show()
        lab = w.show_lab("autograd"); lab.start_backend()
        assert "torch" not in sys.modules or importers == [False]
        for _ in range(1200):
            if lab.walk is not None:
                break
            loop = QEventLoop(); QTimer.singleShot(50, loop.quit); loop.exec()
        print(lab.walk is not None, importers)
        w.shutdown()
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split()[-2:] == ["True", "[False]"], result.stdout
