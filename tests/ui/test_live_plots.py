"""Live plots paint without calling back into Python; their axes still follow the range."""

import sys

import numpy as np

from playground.ui.plots import FastCurve, LiveAxis, make_plot


def _axis_texts(axis: LiveAxis) -> list[str]:
    return [item.text() for item in axis._text_items if item.isVisible()]


def test_axis_labels_follow_the_range(qtbot):
    plot = make_plot("Title", "x", "y")
    qtbot.addWidget(plot)
    plot.resize(500, 300)
    plot.show()
    item = plot.getPlotItem()
    item.setXRange(0, 10, padding=0)
    plot.sync()
    bottom = item.getAxis("bottom")
    assert isinstance(bottom, LiveAxis)
    qtbot.waitUntil(lambda: {"2", "4", "6", "8"} <= set(_axis_texts(bottom)), timeout=60_000)
    item.setXRange(100, 300, padding=0)
    qtbot.waitUntil(lambda: "200" in _axis_texts(bottom) and "4" not in _axis_texts(bottom), timeout=60_000)


def test_a_frame_makes_no_python_call(qtbot):
    plot = make_plot("Title", "x", "y", grid=True)
    qtbot.addWidget(plot)
    plot.resize(500, 300)
    plot.show()
    curve = FastCurve(plot.getPlotItem(), "y")
    x = np.linspace(-1, 1, 400)
    plot.getPlotItem().setRange(xRange=(-1, 1), yRange=(-1, 1), padding=0)
    qtbot.waitUntil(lambda: not plot.getPlotItem().getAxis("left")._rebuild_pending, timeout=60_000)
    qtbot.wait(1)  # settle posted layout events
    calls = []

    def profile(frame, event, arg):
        if event == "call":
            calls.append(f"{frame.f_code.co_filename}:{frame.f_code.co_qualname}")

    for phase in range(3):  # what a live frame does: new data, then Qt paints
        curve.set_data(x, np.sin(x * (phase + 2)))
        sys.setprofile(profile)
        try:
            plot.viewport().repaint()
        finally:
            sys.setprofile(None)
    assert plot.viewport().isVisible()
    assert calls == [], calls[:20]
