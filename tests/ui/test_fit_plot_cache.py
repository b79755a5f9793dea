"""The fit plot's static items (target, data points) are cached pictures on screen, so each frame of the
live fit copies them instead of stroking them again; an export still draws them as lines."""

from PySide6.QtWidgets import QGraphicsItem

from playground.ui.export import export_image


def test_static_items_are_cached_on_screen_and_exported_as_vectors(window, tmp_path):
    fit = window.curve_lab.fit_plot
    static = (fit.target.item, fit.train_points.item, fit.test_points.item)
    assert all(item.cacheMode() == QGraphicsItem.DeviceCoordinateCache for item in static)
    assert fit.fit.item.cacheMode() == QGraphicsItem.NoCache  # the live curve changes every frame
    export_image(fit.widget, tmp_path / "fit.svg")
    svg = (tmp_path / "fit.svg").read_text()
    assert "<image" not in svg  # no cached pixmap in the drawing
    assert svg.count("<path") >= 8
    assert all(item.cacheMode() == QGraphicsItem.DeviceCoordinateCache for item in static)  # put back
