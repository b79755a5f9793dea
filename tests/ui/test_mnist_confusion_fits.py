"""The MNIST confusion matrix is readable on a laptop and a projector (issue 13, item 4): after a real training
run its Results tab opens; every cell is at least 18 px, the counts fit their cells, the axis titles stay inside
the plot and clear of the per-class accuracy line, and the example thumbnails show whole rows. Each screen
runs in a fresh interpreter with an offscreen screen of that size; a screenshot of each is saved."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

MIN_CELL_PX = 18
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots" / "confusion"

MEASURE = textwrap.dedent("""
    import json, os, sys
    width, height, language, mode, screen, settings, shot = sys.argv[1:8]
    os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + screen
    os.environ["NN_PLAYGROUND_SETTINGS"] = settings
    from PySide6.QtCore import QEventLoop, QRect, QTimer
    from playground.app import create_app
    app = create_app([])
    from playground.core.mnist.config import MnistConfig
    from playground.ui import i18n
    from playground.ui.main_window import MainWindow

    def wait_until(condition, ms=120_000):
        for _ in range(ms // 50):
            if condition():
                return True
            loop = QEventLoop()
            QTimer.singleShot(50, loop.quit)
            loop.exec()
        raise SystemExit("timed out")

    i18n.manager().set_language(language)
    window = MainWindow()
    window.resize(int(width), int(height))
    window.showMaximized() if mode == "maximized" else window.show()
    window.start_backends()
    if mode == "presentation":
        window.classroom.presentation.set_active(True)
    lab = window.show_lab("mnist")
    lab.set_config(MnistConfig(epochs=1, train_limit=256, batch_size=64))
    lab.train()
    wait_until(lab.results_shown)
    view = lab.confusion
    wait_until(lambda: view.isVisible() and view.cell_size()[1] > 0)
    plot = view.plot
    view.show_cell(1, 1)
    wait_until(lambda: view.examples.count() > 0)
    for _ in range(5):
        app.processEvents()
    plot.sync()

    def rect_in_view(widget):
        return QRect(widget.mapTo(view, widget.rect().topLeft()), widget.size())

    def scene_item_in_view(item):
        r = plot.mapFromScene(item.sceneBoundingRect()).boundingRect()
        return QRect(plot.mapTo(view, r.topLeft()), r.size())

    def box(r):
        return [r.x(), r.y(), r.width(), r.height()]

    item = plot.getPlotItem()
    texts = [t for row in view.texts for t in row if t.toPlainText()]
    count_widths = [t.textItem.boundingRect().width() for t in texts]
    count_heights = [t.textItem.boundingRect().height() for t in texts]
    window.grab().save(shot)
    print(json.dumps({
        "results_tab": lab.side_tabs.currentWidget() is view,
        "cell": view.cell_size(),
        "count_w": max(count_widths), "count_h": max(count_heights),
        "plot": box(rect_in_view(plot)),
        "bottom_label": box(scene_item_in_view(item.getAxis("bottom").label)),
        "left_label": box(scene_item_in_view(item.getAxis("left").label)),
        "hint": box(rect_in_view(view.hint_label)), "hint_needs": view.hint_label.heightForWidth(view.hint_label.width()),
        "per_class": box(rect_in_view(view.per_class_label)),
        "per_class_needs": view.per_class_label.heightForWidth(view.per_class_label.width()),
        "examples_viewport": view.examples.viewport().height(), "grid": view.examples.gridSize().height(),
        "window": [window.width(), window.height()],
    }))
    window.shutdown()
""")


def _overlap(a, b) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def _inside(inner, outer) -> bool:
    ix, iy, iw, ih = inner
    ox, oy, ow, oh = outer
    return ix >= ox - 1 and iy >= oy - 1 and ix + iw <= ox + ow + 1 and iy + ih <= oy + oh + 1


@pytest.mark.slow  # a fresh interpreter per screen, and a short training run
@pytest.mark.parametrize("width,height,language,mode", [
    (1280, 800, "en", "normal"),             # the laptop window
    (1366, 768, "en", "maximized"),          # a maximised 1366×768 laptop
    (1280, 800, "zh", "normal"),
    (1024, 768, "zh", "presentation"),    # a classroom projector, large text
    (1024, 768, "en", "presentation"),
])
def test_confusion_matrix_is_readable(tmp_path, width, height, language, mode):
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalDpiX": 96, "logicalDpiY": 96}]}))
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"{width}x{height}_{language}_{mode}.png"
    result = subprocess.run([sys.executable, "-c", MEASURE, str(width), str(height), language, mode, str(screen),
                             str(tmp_path / "settings.ini"), str(shot)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    m = json.loads(result.stdout.strip().splitlines()[-1])

    assert m["results_tab"], m  # the finished run's results are shown
    assert m["window"][0] <= width and m["window"][1] <= height, m
    cell_w, cell_h = m["cell"]
    assert cell_w >= MIN_CELL_PX and cell_h >= MIN_CELL_PX, m
    assert m["count_w"] <= cell_w and m["count_h"] <= cell_h, m  # a count never spills into the next cell
    for label in ("bottom_label", "left_label"):
        assert _inside(m[label], m["plot"]), (label, m)  # the axis titles are whole...
    assert not _overlap(m["plot"], m["per_class"]) and not _overlap(m["plot"], m["hint"]), m  # ...and clear
    assert m["per_class"][3] >= m["per_class_needs"] and m["hint"][3] >= m["hint_needs"], m  # no line cut
    assert m["examples_viewport"] >= m["grid"], m  # at least one whole row of thumbnails (more scroll)
