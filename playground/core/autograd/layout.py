"""Where each node of a computation graph goes: pure geometry, no Qt.

Columns by depth (inputs on the left, the output on the right; a constant sits
just left of the operation that uses it), nodes ordered within their column by
the barycentre of their neighbours for a few sweeps (fewer crossings), then
stacked. Label sizes come from the caller, which knows its fonts.
"""

from __future__ import annotations

from dataclasses import dataclass

SWEEPS = 6


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    def overlaps(self, other: "Box") -> bool:
        return (self.x < other.x + other.width and other.x < self.x + self.width
                and self.y < other.y + other.height and other.y < self.y + self.height)


@dataclass(frozen=True)
class GraphLayout:
    boxes: dict[int, Box]
    columns: list[list[int]]
    width: float
    height: float


def columns_by_depth(nodes: list[int], edges: list[tuple[int, int]], sources: set[int]) -> dict[int, int]:
    """Longest path from an input; ``sources`` (constants) move next to their first consumer."""
    inputs = {n: [] for n in nodes}
    consumers = {n: [] for n in nodes}
    for a, b in edges:
        inputs[b].append(a)
        consumers[a].append(b)
    depth: dict[int, int] = {}

    def visit(node: int) -> int:
        if node not in depth:
            depth[node] = 1 + max((visit(i) for i in inputs[node]), default=-1)
        return depth[node]

    for node in nodes:
        visit(node)
    for node in sources:
        if consumers[node]:
            depth[node] = max(0, min(depth[c] for c in consumers[node]) - 1)
    return depth


def layout_graph(nodes: list[int], edges: list[tuple[int, int]], sizes: dict[int, tuple[float, float]],
                 sources: set[int] = frozenset(), column_gap: float = 60.0, row_gap: float = 18.0) -> GraphLayout:
    depth = columns_by_depth(nodes, edges, set(sources))
    n_columns = 1 + max(depth.values(), default=0)
    columns: list[list[int]] = [[] for _ in range(n_columns)]
    for node in nodes:
        columns[depth[node]].append(node)
    neighbours = {n: ([], []) for n in nodes}   # (left, right)
    for a, b in edges:
        neighbours[b][0].append(a)
        neighbours[a][1].append(b)
    for sweep in range(SWEEPS):
        rank = {n: i for column in columns for i, n in enumerate(column)}
        side = 0 if sweep % 2 == 0 else 1
        order = range(1, n_columns) if side == 0 else range(n_columns - 2, -1, -1)
        for c in order:
            def barycentre(node: int) -> float:
                near = neighbours[node][side]
                return sum(rank[m] for m in near) / len(near) if near else rank[node]
            columns[c].sort(key=lambda n: (barycentre(n), rank[n]))
            rank.update({n: i for i, n in enumerate(columns[c])})
    column_heights = [sum(sizes[n][1] for n in col) + row_gap * max(0, len(col) - 1) for col in columns]
    height = max(column_heights, default=0.0)
    boxes: dict[int, Box] = {}
    x = 0.0
    for col, col_height in zip(columns, column_heights):
        col_width = max((sizes[n][0] for n in col), default=0.0)
        y = (height - col_height) / 2
        for node in col:
            w, h = sizes[node]
            boxes[node] = Box(x + (col_width - w) / 2, y, w, h)
            y += h + row_gap
        x += col_width + column_gap
    return GraphLayout(boxes, columns, max(0.0, x - column_gap), height)
