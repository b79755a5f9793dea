"""A live diagram of the Curve lab's network: neurons in columns, edges sized and coloured by weight.

Painted with QPainter from a core.curve.network_summary layout; repainted only when
new weights arrive (the teaching views throttle that to 10 Hz). Clicking a
hidden neuron emits ``neuronClicked(layer, unit)`` (layer 0 = first hidden layer).
Colours come from the plot theme: positive weights in the fit's orange,
negative ones in the data's blue (``apply_theme`` on a theme switch).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.core.curve.network_summary import DiagramLayout, summarise
from playground.ui.theme import plot_colors

NODE_RADIUS = 7.0


@dataclass(frozen=True)
class DiagramColors:
    background: QColor
    text: QColor
    positive: QColor      # a weight ≥ 0
    negative: QColor
    highlight: QColor     # the hovered unit's edges, the selected neuron's ring
    hidden_node: QColor
    end_node: QColor      # input and output neurons

    @classmethod
    def current(cls) -> "DiagramColors":
        c = plot_colors()
        return cls(QColor(c.background), QColor(c.foreground), QColor(c.fit), QColor(c.train_points),
                   QColor(c.highlight), _mix(c.background, c.foreground, 0.15), _mix(c.background, c.foreground, 0.3))


def _mix(a: str, b: str, share: float) -> QColor:
    """``share`` of the way from colour ``a`` to ``b``: node fills that suit either theme."""
    ca, cb = QColor(a), QColor(b)
    return QColor(*(round(x + (y - x) * share) for x, y in zip(ca.getRgb()[:3], cb.getRgb()[:3])))


class NetworkDiagram(QWidget):
    neuronClicked = Signal(int, int)  # hidden layer index (0 = first hidden), unit index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_: DiagramLayout | None = None
        self.highlight_unit: int | None = None   # a unit of the last hidden layer (from the line-pieces plot)
        self.selected: tuple[int, int] | None = None
        self._positions: dict[tuple[int, int], QPointF] = {}
        self._names = ("input x", "output y")
        self.colors = DiagramColors.current()
        self.setMinimumSize(220, 160)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMouseTracking(False)

    def apply_theme(self) -> None:
        """Take the current theme's colours (on a theme switch; painting reads them from here)."""
        self.colors = DiagramColors.current()
        self.update()

    def set_layer_names(self, input_name: str, output_name: str) -> None:
        self._names = (input_name, output_name)
        self.update()

    def set_weights(self, weights) -> None:
        self.layout_ = summarise(weights)
        self._positions = self._place()
        self.update()

    def set_gradients(self, grads) -> None:
        """Draw gradients instead of weights (the Autograd lab): ``[(∂loss/∂W, ∂loss/∂b), ...]`` per layer;
        edge width ∝ |gradient|, orange where it is positive (the step lowers that weight), blue where negative."""
        self.set_weights(grads)

    def set_highlight(self, unit: int | None) -> None:
        if unit != self.highlight_unit:
            self.highlight_unit = unit
            self.update()

    # -- geometry ----------------------------------------------------------------
    def _place(self) -> dict[tuple[int, int], QPointF]:
        lay = self.layout_
        if lay is None:
            return {}
        w, h = self.width(), self.height()
        top, bottom = 22.0, h - 22.0
        n_layers = len(lay.sizes)
        positions = {}
        for layer, units in enumerate(lay.shown):
            x = 30.0 + (w - 60.0) * layer / max(1, n_layers - 1)
            count = len(units)
            for k, unit in enumerate(units):
                y = (top + bottom) / 2 if count == 1 else top + (bottom - top) * k / (count - 1)
                positions[(layer, int(unit))] = QPointF(x, y)
        return positions

    def resizeEvent(self, event) -> None:
        self._positions = self._place()
        super().resizeEvent(event)

    def node_at(self, point: QPointF) -> tuple[int, int] | None:
        """The node nearest ``point`` within reach (on a short diagram the reaches of neighbours overlap)."""
        reach = {key: (pos - point).manhattanLength() for key, pos in self._positions.items()}
        near = [key for key, distance in reach.items() if distance <= NODE_RADIUS * 1.8]
        return min(near, key=reach.__getitem__) if near else None

    def mousePressEvent(self, event) -> None:
        hit = self.node_at(event.position())
        lay = self.layout_
        if hit is not None and lay is not None and 0 < hit[0] < len(lay.sizes) - 1:
            self.selected = (hit[0] - 1, hit[1])
            self.neuronClicked.emit(hit[0] - 1, hit[1])
            self.update()
        super().mousePressEvent(event)

    # -- painting ------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing, True)
        colors = self.colors
        painter.fillRect(self.rect(), colors.background)
        lay = self.layout_
        if lay is None:
            painter.end()
            return
        last_hidden = len(lay.sizes) - 2
        for edge in lay.edges:
            a = self._positions.get((edge.layer, edge.src))
            b = self._positions.get((edge.layer + 1, edge.dst))
            if a is None or b is None:
                continue
            highlighted = (self.highlight_unit is not None and edge.layer == last_hidden
                           and edge.src == self.highlight_unit)
            color = QColor(colors.highlight if highlighted else colors.positive if edge.weight >= 0 else colors.negative)
            if not highlighted:
                color.setAlphaF(0.35 + 0.65 * min(1.0, abs(edge.weight) / max(lay.max_abs, 1e-12)))
            pen = QPen(color, edge.width + (2.0 if highlighted else 0.0))
            pen.setCapStyle(Qt.RoundCap)
            painter.setPen(pen)
            painter.drawLine(a, b)
        fg = colors.text
        for (layer, unit), pos in self._positions.items():
            hidden = 0 < layer < len(lay.sizes) - 1
            ring = (layer == last_hidden and unit == self.highlight_unit) or \
                   (self.selected is not None and (layer - 1, unit) == self.selected)
            painter.setPen(QPen(colors.highlight if ring else fg, 2.5 if ring else 1.0))
            painter.setBrush(QBrush(colors.hidden_node if hidden else colors.end_node))
            painter.drawEllipse(pos, NODE_RADIUS, NODE_RADIUS)
        painter.setPen(fg)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        n_layers = len(lay.sizes)
        for layer, size in enumerate(lay.sizes):
            xs = [p.x() for (l, _u), p in self._positions.items() if l == layer]
            if not xs:
                continue
            x = xs[0]
            if layer == 0:
                label = self._names[0]
            elif layer == n_layers - 1:
                label = self._names[1]
            else:
                hidden_shown = len(lay.shown[layer])
                label = f"{size}" if hidden_shown == size else f"{hidden_shown}/{size}"
            painter.drawText(QRectF(x - 45, self.height() - 18, 90, 16), Qt.AlignCenter, label)
        painter.end()

    # -- for tests -----------------------------------------------------------------
    def node_position(self, hidden_layer: int, unit: int) -> QPointF | None:
        return self._positions.get((hidden_layer + 1, unit))

