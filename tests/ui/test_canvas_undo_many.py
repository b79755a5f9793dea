"""Issue 18 item 9: Undo with 1,000 strokes on the canvas repaints from a checkpoint, not from scratch."""

import numpy as np

from playground.ui.mnist_lab import canvas as canvas_module
from playground.ui.mnist_lab.canvas import DrawingCanvas
from tests.ui.test_mnist_lab import draw


def strokes(n):
    rng = np.random.default_rng(3)
    for _ in range(n):
        x, y = rng.uniform(20, 260, 2)
        yield [(x, y), (x + rng.uniform(-30, 30), y + rng.uniform(-30, 30)), (x + 5, y + 20)]


def repainted_from_scratch(canvas) -> np.ndarray:
    fresh = DrawingCanvas()
    fresh.strokes = list(canvas.strokes)
    fresh._repaint_all()
    return fresh.pixels()


def test_undo_after_1000_strokes_matches_a_full_repaint_and_stays_bounded(qtbot, monkeypatch):
    canvas = DrawingCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(280, 280)
    canvas.show()
    for i, points in enumerate(strokes(1000)):
        canvas.set_eraser(i % 7 == 6)  # some eraser strokes too
        draw(qtbot, canvas, points)
    assert len(canvas.strokes) == 1000
    assert 0 < len(canvas._checkpoints) <= canvas_module.MAX_CHECKPOINTS

    painted = []
    real_pen = canvas._pen
    monkeypatch.setattr(canvas, "_pen", lambda eraser: painted.append(eraser) or real_pen(eraser))
    for _ in range(30):  # across a checkpoint boundary
        canvas.undo()
        assert len(painted) <= canvas_module.CHECKPOINT_EVERY  # strokes repainted by this undo
        painted.clear()
    assert len(canvas.strokes) == 970
    assert np.array_equal(canvas.pixels(), repainted_from_scratch(canvas))

    for _ in range(970):
        canvas.undo()
    assert canvas.is_empty() and not canvas._checkpoints and canvas.pixels().max() == 0
