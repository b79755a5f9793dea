"""The computation graph, drawn with plain Qt items (painted in C++, no Python paint calls).

Each node is a rounded box with its name or operation, torch's name for it
(``PowBackward0``, ``AccumulateGrad``), its value and its gradient; edges run
left to right and carry the local derivative once backward has reached them.
Geometry comes from core.autograd.layout with label sizes measured here, so the
boxes never overlap; the scene is scaled to fit the view. Boxes keep their size
while values appear, so nothing moves during a walk.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QApplication, QGraphicsItem, QGraphicsPathItem, QGraphicsScene,
                               QGraphicsSimpleTextItem, QGraphicsView)

from playground.core.autograd.graph import CONSTANT, LEAF, Graph, GraphNode
from playground.core.autograd.layout import layout_graph
from playground.ui.theme import plot_colors

PAD = 8.0
MAX_ZOOM = 2.2             # small graphs grow to fill the view, up to this
EDGE_LABELS_ALWAYS = 16    # up to this many nodes every reached edge shows its local derivative
NODE_ROLE = 0              # QGraphicsItem.data(NODE_ROLE) = node id, for clicks


def format_value(value: float | None) -> str:
    if value is None:
        return "?"
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == int(value) and abs(value) < 1e6:
        text = str(int(value))
    else:
        text = f"{value:.4g}"
    return text.replace("-", "−")


def short_expression(node: GraphNode, limit: int = 18) -> str:
    """How a node is called in formulas: its variable, else its expression (^, ·) if short."""
    if node.names:
        return node.names[0]
    text = node.expression.replace("**", "^").replace(" * ", "·").replace(" ", "")
    return text if len(text) <= limit else f"{node.label}#{node.id}"


class GraphView(QGraphicsView):
    nodeClicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.Antialiasing, True)
        self.setRenderHint(QPainter.TextAntialiasing, True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.ScrollHandDrag)  # a large graph: wheel zooms, dragging pans
        self.graph: Graph | None = None
        self.boxes: dict[int, QGraphicsPathItem] = {}
        self.texts: dict[int, list[QGraphicsSimpleTextItem]] = {}
        self.edges: dict[tuple[int, int], QGraphicsPathItem] = {}
        self.edge_labels: dict[tuple[int, int], tuple[QGraphicsPathItem, QGraphicsSimpleTextItem]] = {}
        self._edge_ends: dict[tuple[int, int], QPointF] = {}
        self.words = {"value": "value", "grad": "grad", "untracked": "no grad", "constant": "constant"}
        self._state = None  # (walk, selected) last shown

    # -- building ------------------------------------------------------------------------------
    def fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QFont(QApplication.font())
        title = QFont(base)
        title.setBold(True)
        title.setPointSizeF(base.pointSizeF() * 1.15)
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.8))
        return title, small, base

    def set_words(self, **words: str) -> None:
        self.words.update(words)
        if self.graph is not None:
            self.set_graph(self.graph)

    def set_graph(self, graph: Graph) -> None:
        """Rebuild every item for ``graph`` (a new program or new fonts); values come with show_state."""
        self.graph = graph
        scene = self.scene()
        scene.clear()
        self.boxes, self.texts, self.edges, self.edge_labels = {}, {}, {}, {}
        title_font, small_font, base_font = self.fonts()
        lines_for = {n.id: self._line_templates(n) for n in graph.nodes}
        sizes = {}
        for node in graph.nodes:
            fonts = self._line_fonts(node, title_font, small_font, base_font)
            widths = [QFontMetricsF(f).horizontalAdvance(t) for t, f in zip(lines_for[node.id], fonts)]
            height = sum(QFontMetricsF(f).height() for f in fonts)
            sizes[node.id] = (max(widths) + 2 * PAD, height + 2 * PAD * (0.6 if node.kind == CONSTANT else 1))
        gap = QFontMetricsF(base_font).horizontalAdvance("∂=−0.000") + 24
        row_gap = QFontMetricsF(base_font).height() * 0.9
        lay = layout_graph([n.id for n in graph.nodes], [(e.source, e.target) for e in graph.edges], sizes,
                           sources={n.id for n in graph.nodes if n.kind == CONSTANT}, column_gap=gap, row_gap=row_gap)
        ends = _edge_ends(lay.boxes, [(e.source, e.target) for e in graph.edges])
        for edge in graph.edges:
            start, end = ends[(edge.source, edge.target)]
            path = QPainterPath(start)
            bend = max(20.0, (end.x() - start.x()) * 0.5)
            path.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end)
            item = scene.addPath(path)
            item.setZValue(0)
            self.edges[(edge.source, edge.target)] = item
            self._edge_ends[(edge.source, edge.target)] = end  # labels sit just before the target, at the edge's end
            label_box = QGraphicsPathItem()
            label = QGraphicsSimpleTextItem(label_box)
            label.setFont(small_font)
            label_box.setZValue(3)
            label_box.hide()
            scene.addItem(label_box)
            self.edge_labels[(edge.source, edge.target)] = (label_box, label)
        for node in graph.nodes:
            box = lay.boxes[node.id]
            rect = QRectF(box.x, box.y, box.width, box.height)
            path = QPainterPath()
            path.addRoundedRect(rect, 8, 8)
            item = scene.addPath(path)
            item.setZValue(2)
            item.setData(NODE_ROLE, node.id)
            self.boxes[node.id] = item
            texts = []
            y = rect.top() + PAD * (0.6 if node.kind == CONSTANT else 1)
            for font in self._line_fonts(node, title_font, small_font, base_font):
                text = QGraphicsSimpleTextItem(item)
                text.setFont(font)
                text.setData(NODE_ROLE, node.id)
                text.setPos(rect.left() + PAD, y)
                y += QFontMetricsF(font).height()
                texts.append(text)
            self.texts[node.id] = texts
        margin = 12.0
        scene.setSceneRect(QRectF(-margin, -margin, lay.width + 2 * margin, lay.height + 2 * margin))
        self.fit()

    def _line_templates(self, node: GraphNode) -> list[str]:
        """The widest text each line will ever show (so boxes keep their size during the walk)."""
        if node.kind == CONSTANT:
            return [node.label]
        widest = max(format_value(node.value), format_value(node.grad), "−0.00000", key=len)
        grad_word = f"{node.names[0]}.grad" if node.kind == LEAF else self.words["grad"]
        return [self._title(node), node.torch_name or self.words["untracked"],
                f"{self.words['value']} {widest}", f"{grad_word} {widest}"]

    @staticmethod
    def _line_fonts(node: GraphNode, title: QFont, small: QFont, base: QFont) -> list[QFont]:
        return [base] if node.kind == CONSTANT else [title, small, base, base]

    @staticmethod
    def _title(node: GraphNode) -> str:
        if node.kind == LEAF:
            return node.label
        return f"{node.names[0]} = {node.label}" if node.names else node.label

    # -- showing a state -------------------------------------------------------------------------
    def show_state(self, walk, selected: int | None) -> None:
        """Texts and colours for ``walk`` (a core Walkthrough) with ``selected`` (or the current node) ringed."""
        self._state = (walk, selected)
        graph = self.graph
        if graph is None:
            return
        c = plot_colors()
        fg, dim = QColor(c.foreground), QColor(c.target)
        grad_color, leaf_color, highlight = QColor(c.fit), QColor(c.train_points), QColor(c.highlight)
        background = QColor(c.background)
        current = walk.current()
        focus = selected if selected is not None else current
        overflow = False
        for node in graph.nodes:
            box, texts = self.boxes[node.id], self.texts[node.id]
            tracked = node.tracked
            fill = QColor(leaf_color if node.kind == LEAF else fg if node.id == graph.output else background)
            fill.setAlphaF(0.22 if node.kind == LEAF or node.id == graph.output else 1.0)
            if not tracked:
                fill = QColor(background)
            box.setBrush(QBrush(fill))
            ring = node.id in (current, focus)
            pen = QPen(highlight if ring else (fg if tracked else dim), 3.0 if ring else 1.2)
            if not tracked:
                pen.setStyle(Qt.DashLine)
            box.setPen(pen)
            if node.kind == CONSTANT:
                texts[0].setText(node.label)
                texts[0].setBrush(dim)
                continue
            value_shown = walk.value_shown(node)
            grad_shown = walk.grad_shown(node)
            stale = False
            if node.kind == LEAF and tracked:
                grad = walk.leaf_grad(node.names[0])
                stale = not grad_shown and not walk.backward_ran and grad is not None  # left in .grad by an earlier pass
                grad_text = (f"{node.names[0]}.grad {format_value(grad)}" if grad_shown or stale else
                             f"{self.words['grad']} ?")
            else:
                grad_text = (f"{self.words['grad']} {format_value(node.grad)}" if grad_shown else
                             f"{self.words['grad']} ?" if tracked else "")
            lines = [self._title(node), node.torch_name or self.words["untracked"],
                     f"{self.words['value']} {format_value(node.value) if value_shown else '?'}", grad_text]
            colors = [fg if tracked else dim, dim, fg if tracked else dim,
                      grad_color if grad_shown else dim]
            for text, line, color in zip(texts, lines, colors):
                text.setText(line)
                text.setBrush(color)
                if text.boundingRect().width() > box.boundingRect().width() - PAD:
                    overflow = True  # a slider made a longer number: measure and lay out again
        if overflow and not getattr(self, "_relaying", False):
            self._relaying = True
            try:
                self.set_graph(graph)
                self.show_state(walk, selected)
            finally:
                self._relaying = False
            return
        show_all = len(graph.nodes) <= EDGE_LABELS_ALWAYS
        for edge in graph.edges:
            item = self.edges[(edge.source, edge.target)]
            target = graph.node(edge.target)
            reached = edge.local is not None and walk.grad_shown(target)
            pen = QPen(grad_color if reached else (fg if edge.local is not None else dim), 2.2 if reached else 1.2)
            if edge.local is None:
                pen.setStyle(Qt.DashLine)
            item.setPen(pen)
            label_box, label = self.edge_labels[(edge.source, edge.target)]
            visible = reached and (show_all or focus in (edge.source, edge.target))
            label_box.setVisible(visible)
            if visible:
                label.setText(f"∂ {format_value(edge.local)}")
                label.setBrush(grad_color)
                rect = label.boundingRect()
                end = self._edge_ends[(edge.source, edge.target)]
                label.setPos(end.x() - rect.width() - 8, end.y() - rect.height() / 2)
                back = QPainterPath()
                back.addRoundedRect(QRectF(label.pos(), rect.size()).adjusted(-3, -1, 3, 1), 4, 4)
                label_box.setPath(back)
                label_box.setBrush(QBrush(background))
                label_box.setPen(QPen(grad_color, 1.0))

    def refresh(self) -> None:
        if self._state is not None:
            self.show_state(*self._state)

    # -- view ----------------------------------------------------------------------------------------
    def fit(self) -> None:
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.resetTransform()
        view = self.viewport().rect()
        scale = min(view.width() / rect.width(), view.height() / rect.height(), MAX_ZOOM)
        self.scale(scale, scale)
        self.centerOn(rect.center())

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            factor = 1.15 ** steps
            current = self.transform().m11()
            if 0.1 < current * factor < 6:
                self.scale(factor, factor)
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:
        self.fit()  # back to the whole graph
        super().mouseDoubleClickEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.FontChange and self.graph is not None:  # presentation mode: re-measure
            self.set_graph(self.graph)
            self.refresh()
        super().changeEvent(event)

    def mousePressEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and item.data(NODE_ROLE) is None:
            item = item.parentItem()
        if item is not None and event.button() == Qt.LeftButton:
            self.nodeClicked.emit(int(item.data(NODE_ROLE)))
        super().mousePressEvent(event)

    # -- for tests and export ------------------------------------------------------------------------
    def export_image(self, path: str) -> None:
        """Used by ui.export's right-click "Save image (PNG/SVG)…"."""
        save_scene_image(self, path)

    def node_rect(self, node_id: int) -> QRectF:
        return self.boxes[node_id].sceneBoundingRect()

    def visible_labels(self) -> list[QGraphicsItem]:
        """Every text shown: node texts and visible edge labels (their boxes)."""
        labels: list[QGraphicsItem] = [t for texts in self.texts.values() for t in texts if t.text()]
        labels += [box for box, _label in self.edge_labels.values() if box.isVisible()]
        return labels


def _edge_ends(boxes, edges) -> dict[tuple[int, int], tuple[QPointF, QPointF]]:
    """Where each edge leaves its source and enters its target: spread along the box sides in the order of
    the other ends, so that edges into one node arrive apart (and their labels do not collide)."""
    def centre_y(node):
        return boxes[node].y + boxes[node].height / 2

    def spread(node, others, right):
        box = boxes[node]
        x = box.x + box.width if right else box.x
        ordered = sorted(others, key=centre_y)
        return {other: QPointF(x, box.y + box.height * (k + 1) / (len(ordered) + 1)) for k, other in enumerate(ordered)}

    outs: dict[int, list[int]] = {}
    ins: dict[int, list[int]] = {}
    for a, b in edges:
        outs.setdefault(a, []).append(b)
        ins.setdefault(b, []).append(a)
    starts = {a: spread(a, targets, True) for a, targets in outs.items()}
    finishes = {b: spread(b, sources, False) for b, sources in ins.items()}
    return {(a, b): (starts[a][b], finishes[b][a]) for a, b in edges}


def save_scene_image(view: GraphView, path: str) -> None:
    """The whole graph (not just what the view shows) as PNG (2× for print) or SVG, by the file's suffix."""
    from pathlib import Path

    from PySide6.QtCore import QRect, QSize
    from PySide6.QtGui import QImage

    scene = view.scene()
    source = scene.sceneRect()
    size = QSize(max(1, math.ceil(source.width())), max(1, math.ceil(source.height())))
    background = QColor(plot_colors().background)
    if path.lower().endswith(".svg"):
        from PySide6.QtSvg import QSvgGenerator

        target = QSvgGenerator()
        target.setFileName(path)
        target.setSize(size)
        target.setViewBox(QRect(0, 0, size.width(), size.height()))
        target.setTitle("NN Playground")
    else:
        target = QImage(size * 2, QImage.Format_ARGB32)
        target.fill(background)
    painter = QPainter(target)
    try:
        painter.setRenderHint(QPainter.Antialiasing, True)
        if isinstance(target, QImage):
            painter.scale(2, 2)
        else:
            painter.fillRect(QRectF(0, 0, size.width(), size.height()), background)
        scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
    finally:
        painter.end()
    if isinstance(target, QImage) and not target.save(path):
        raise OSError(f"could not write {path}")
    if not Path(path).is_file():
        raise OSError(f"could not write {path}")
