"""From one neuron to the network: one Curve-lab data point's loss gradient for every weight, on the diagram.

The Curve lab's network reaches this panel only through ``source`` (a callable the
main window sets): no lab imports another. The gradients come from
core.autograd.network_grad, i.e. from ``loss.backward()``.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QSpinBox

from playground.core.config import from_dict
from playground.ui.autograd_lab.explain import Explainer
from playground.ui.i18n import core_text
from playground.ui.widgets.network_diagram import NetworkDiagram


class NetworkPanel(QGroupBox):
    message = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.source = None   # () -> {"config": CurveConfig or dict, "weights": state_dict (optional)}
        self.result = None   # the last core PointGradients shown
        self.explainer = Explainer(self)
        self.point_box = QSpinBox()
        self.point_box.setRange(0, 4999)
        self.point_button = QPushButton()
        self.diagram = NetworkDiagram()
        self.diagram.setMinimumHeight(170)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.point_label = QLabel()
        form = QFormLayout(self)
        form.addRow(self.point_label, self.point_box)
        form.addRow(self.point_button)
        form.addRow(self.diagram)
        form.addRow(self.caption)
        self.point_button.clicked.connect(self.show_point_gradients)

    def retranslate(self) -> None:
        self.setTitle(self.tr("From one neuron to the network"))
        self.point_label.setText(self.tr("Data point"))
        self.point_box.setToolTip(self.tr("Which training point of the Curve lab (sorted by x)"))
        self.point_button.setText(self.tr("Gradients of this point's loss"))
        self.point_button.setToolTip(self.tr("Take the Curve lab's current network and show ∂loss/∂weight for this "
                                             "one point on every edge"))
        self.diagram.set_layer_names(self.tr("input x"), self.tr("output y"))

    def show_point_gradients(self) -> bool:
        """The Curve lab's network, one training point, loss.backward(): each weight's gradient on the diagram."""
        from playground.core.autograd.network_grad import point_gradients, training_points
        from playground.core.curve.config import CurveConfig

        state = self.source() if self.source is not None else None
        if not state:
            self.message.emit(self.tr("The Curve lab's network is not available."))
            return False
        config = state["config"]
        if isinstance(config, dict):
            config, _problems = from_dict(CurveConfig, config)
        weights = state.get("weights")
        xs, ys = training_points(config)
        self.point_box.setMaximum(len(xs) - 1)
        index = min(self.point_box.value(), len(xs) - 1)
        try:
            result = point_gradients(config, weights, float(xs[index]), float(ys[index]),
                                     seed_if_untrained=None if weights is not None else config.seed)
        except ValueError as exc:
            self.message.emit(core_text(exc))
            return False
        self.diagram.set_gradients(result.grads)
        caption = self.explainer.point(result)
        if weights is None:
            caption += " " + self.tr("(The Curve lab's weights were not available: this is its freshly initialised "
                                     "network.)")
        self.caption.setText(caption)
        self.result = result
        return True
