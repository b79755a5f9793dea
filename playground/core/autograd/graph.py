"""Build a program's torch graph and read everything shown back from torch itself.

The program is evaluated on float64 scalar tensors with torch's own operators.
The structure comes from ``grad_fn`` / ``next_functions`` (an AccumulateGrad
points at its leaf), the local derivative on each edge from calling the
consumer's ``grad_fn`` with a gradient of 1, and each node's gradient from
tensor hooks during one ``backward()`` (which also gives torch's order).
Constants and leaves with ``requires_grad=False`` are not in torch's graph;
they are shown, untracked, from the program itself, with the operations that
depend only on them.
"""

from __future__ import annotations

import ast
import math
import operator
from dataclasses import dataclass, field

from playground.core.text import user_text
from playground.core.autograd.program import Program, ProgramError

LEAF, CONSTANT, OPERATION = "leaf", "constant", "operation"

_BINARY = {ast.Add: (operator.add, "+"), ast.Sub: (operator.sub, "−"), ast.Mult: (operator.mul, "×"),
           ast.Div: (operator.truediv, "÷"), ast.Pow: (operator.pow, "^"), ast.Mod: (operator.mod, "mod")}
_UNARY = {ast.USub: (operator.neg, "−"), ast.UAdd: (operator.pos, "+")}
# The program's function names → torch (same math as core.expression's numpy versions).
TORCH_FUNCTIONS = {"sin": "sin", "cos": "cos", "tan": "tan", "exp": "exp", "log": "log", "sqrt": "sqrt",
                   "abs": "abs", "tanh": "tanh", "sign": "sign", "floor": "floor", "ceil": "ceil",
                   "arctan": "atan", "relu": "relu", "sigmoid": "sigmoid", "min": "minimum", "max": "maximum"}


@dataclass
class GraphNode:
    id: int
    kind: str                      # LEAF, CONSTANT or OPERATION
    label: str                     # the readable one: "x", "3", "×", "sin"
    expression: str                # what it computes, as source text ("x ** 2")
    value: float
    names: list[str] = field(default_factory=list)  # program variables that hold this value
    torch_name: str | None = None  # type(grad_fn).__name__, "AccumulateGrad" for a tracked leaf, None if untracked
    grad: float | None = None      # ∂output/∂node from this backward pass (None: untracked)
    span: tuple[int, int, int] | None = None  # (statement index, start, end) of its expression, for tests

    @property
    def tracked(self) -> bool:
        return self.torch_name is not None

    @property
    def title(self) -> str:
        return self.names[0] if self.names else self.label


@dataclass(frozen=True)
class GraphEdge:
    source: int
    target: int
    local: float | None  # ∂target/∂source from the target's grad_fn (summed over repeated inputs); None: untracked


@dataclass
class Graph:
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    output: int
    forward_order: list[int]       # every node after its inputs
    backward_order: list[int]      # tracked nodes, in the order torch's engine reached them
    leaf_tensors: dict[str, object]  # name → the torch leaf (its .grad accumulates across passes)
    tensors: dict[int, object]     # node id → tensor

    def node(self, node_id: int) -> GraphNode:
        return self.nodes[node_id]

    def by_name(self, name: str) -> GraphNode:
        return next(n for n in self.nodes if name in n.names)

    def inputs(self, node_id: int) -> list[GraphEdge]:
        return [e for e in self.edges if e.target == node_id]

    def consumers(self, node_id: int) -> list[GraphEdge]:
        return [e for e in self.edges if e.source == node_id]


def make_leaves(program: Program, values: dict[str, float] | None = None, frozen: frozenset[str] = frozenset()):
    """name → float64 scalar leaf tensor; ``frozen`` leaves have requires_grad=False."""
    import torch

    values = {**program.values(), **(values or {})}
    return {leaf.name: torch.tensor(float(values[leaf.name]), dtype=torch.float64,
                                    requires_grad=leaf.name not in frozen) for leaf in program.leaves}


def build_graph(program: Program, leaves: dict[str, object], run_backward: bool = True) -> Graph:
    """Evaluate ``program`` on ``leaves`` (from make_leaves), read the graph from torch, and (if asked)
    run ``backward()`` once: leaf ``.grad`` accumulates as in torch (zero it to start again)."""
    builder = _Builder(program, leaves)
    try:
        builder.evaluate()
        graph = builder.finish()
        if run_backward and graph.node(graph.output).tracked:
            _backward(graph)
    except RuntimeError as exc:  # e.g. a % b: torch has no derivative with respect to b
        raise ProgramError(user_text("PyTorch cannot differentiate this program: {detail}.",
                                     detail=str(exc).strip().splitlines()[0].rstrip("."))) from None
    return graph


class _Builder:
    def __init__(self, program: Program, leaves: dict[str, object]) -> None:
        self.program, self.leaves = program, leaves
        self.nodes: list[GraphNode] = []
        self.tensors: dict[int, object] = {}
        self.inputs: dict[int, list[int]] = {}   # node → its inputs in argument order (the program's view)
        self.scope: dict[str, int] = {}
        self.statement = 0

    def add(self, kind: str, label: str, expression: str, tensor, inputs=(), span=None) -> int:
        import torch

        node_id = len(self.nodes)
        value = tensor.detach().item() if isinstance(tensor, torch.Tensor) else float(tensor)
        torch_name = None
        if isinstance(tensor, torch.Tensor):
            if tensor.grad_fn is not None:
                torch_name = type(tensor.grad_fn).__name__
            elif tensor.requires_grad:
                torch_name = "AccumulateGrad"
        self.nodes.append(GraphNode(node_id, kind, label, expression, value, torch_name=torch_name, span=span))
        self.tensors[node_id] = tensor
        self.inputs[node_id] = list(inputs)
        return node_id

    def evaluate(self) -> None:
        for leaf in self.program.leaves:
            node_id = self.add(LEAF, leaf.name, leaf.name, self.leaves[leaf.name])
            self.nodes[node_id].names.append(leaf.name)
            self.scope[leaf.name] = node_id
        for index, statement in enumerate(self.program.statements):
            self.statement = index
            node_id = self.visit(statement.expr)
            self.nodes[node_id].names.append(statement.name)
            self.scope[statement.name] = node_id

    def visit(self, node: ast.expr) -> int:
        import torch

        span = (self.statement, node.col_offset, node.end_col_offset)
        text = ast.unparse(node)
        if isinstance(node, ast.Constant):
            return self.add(CONSTANT, _number(node.value), text, float(node.value), span=span)
        if isinstance(node, ast.Name):
            if node.id in self.scope:
                return self.scope[node.id]
            value = {"pi": math.pi, "e": math.e}[node.id]
            return self.add(CONSTANT, node.id, text, value, span=span)
        if isinstance(node, ast.UnaryOp):
            fn, label = _UNARY[type(node.op)]
            if isinstance(node.op, ast.UAdd):  # +a is a itself (torch returns the same tensor)
                return self.visit(node.operand)
            if isinstance(node.operand, ast.Constant):  # -3 is a number, not an operation
                return self.add(CONSTANT, _number(-node.operand.value), text, -float(node.operand.value), span=span)
            a = self.visit(node.operand)
            return self.add(OPERATION, label, text, fn(self._operand(a, True)), [a], span)
        if isinstance(node, ast.BinOp):
            fn, label = _BINARY[type(node.op)]
            a, b = self.visit(node.left), self.visit(node.right)
            # A number on the left becomes a tensor: 3 / b is then one DivBackward0 (Python's 3 / b is
            # reciprocal(b) * 3 in torch), and 1 / 0 is inf as in torch, not a Python error.
            left, right = self._operand(a, True), self._operand(b, False)
            return self.add(OPERATION, label, text, fn(left, right), [a, b], span)
        name = node.func.id
        args = [self.visit(arg) for arg in node.args]
        fn = getattr(torch, TORCH_FUNCTIONS[name])
        return self.add(OPERATION, name, text, fn(*(self._operand(a, True) for a in args)), args, span)

    def _operand(self, node_id: int, as_tensor: bool):
        import torch

        value = self.tensors[node_id]
        if as_tensor and not isinstance(value, torch.Tensor):
            return torch.tensor(value, dtype=torch.float64)
        return value

    def finish(self) -> Graph:
        output = self.scope[self.program.output]
        keep = _reachable(output, self.inputs)
        renumber = {old: new for new, old in enumerate(sorted(keep))}
        nodes = []
        for old in sorted(keep):
            node = self.nodes[old]
            node.id = renumber[old]
            nodes.append(node)
        owners = {}  # id(grad_fn) or id(leaf tensor) → node: how torch's next_functions name our nodes
        for old in keep:
            tensor = self.tensors[old]
            if getattr(tensor, "grad_fn", None) is not None:
                owners[id(tensor.grad_fn)] = old
            elif getattr(tensor, "requires_grad", False):
                owners[id(tensor)] = old
        edges = []
        for old in sorted(keep):
            edges.extend(_edges_into(old, self.tensors[old], self.inputs[old], owners, renumber))
        tensors = {renumber[old]: self.tensors[old] for old in keep}
        leaf_tensors = {leaf.name: self.leaves[leaf.name] for leaf in self.program.leaves}
        return Graph(nodes, edges, renumber[output], list(range(len(nodes))), [], leaf_tensors, tensors)


def _reachable(output: int, inputs: dict[int, list[int]]) -> set[int]:
    """Only what the output depends on is drawn (an unused input would float alone)."""
    seen, todo = set(), [output]
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(inputs[node])
    return seen


def _edges_into(node: int, tensor, inputs: list[int], owners: dict[int, int],
                renumber: dict[int, int]) -> list[GraphEdge]:
    """The edges into ``node``: tracked ones from torch's next_functions, untracked ones from the program."""
    import torch

    grad_fn = getattr(tensor, "grad_fn", None)
    tracked: dict[int, float] = {}
    if grad_fn is not None:
        locals_ = grad_fn(torch.ones_like(tensor))  # torch's backward of this one operation, for a gradient of 1
        if not isinstance(locals_, tuple):
            locals_ = (locals_,)
        for (next_fn, _slot), local in zip(grad_fn.next_functions, locals_):
            if next_fn is None:
                continue  # a constant or an untracked input: no gradient flows there
            _propagate(next_fn, local, owners, tracked)
    edges, seen = [], set()
    for source in inputs:
        if source not in seen:
            seen.add(source)
            edges.append(GraphEdge(renumber[source], renumber[node], tracked.get(source)))
    return edges


def _propagate(next_fn, grad, owners: dict[int, int], tracked: dict[int, float]) -> None:
    """Add ``grad`` to the node ``next_fn`` belongs to; through a node torch made inside one of our
    operations (none of ours), by calling it: torch's own chain rule, one operation further."""
    variable = getattr(next_fn, "variable", None)  # AccumulateGrad → its leaf tensor
    owner = owners.get(id(variable) if variable is not None else id(next_fn))
    if owner is not None:
        tracked[owner] = tracked.get(owner, 0.0) + (grad.detach().item() if grad is not None else 0.0)
        return
    grads = next_fn(grad)
    grads = grads if isinstance(grads, tuple) else (grads,)
    for (inner, _slot), inner_grad in zip(next_fn.next_functions, grads):
        if inner is not None:
            _propagate(inner, inner_grad, owners, tracked)


def _backward(graph: Graph) -> None:
    """One ``backward()`` from the output; hooks record each node's gradient and torch's order."""
    order: list[int] = []
    handles = []
    for node in graph.nodes:
        if not node.tracked:
            continue

        def hook(grad, node=node):
            node.grad = float(grad)
            order.append(node.id)

        handles.append(graph.tensors[node.id].register_hook(hook))
    try:
        graph.tensors[graph.output].backward()
    finally:
        for handle in handles:
            handle.remove()
    graph.backward_order = order


def _number(value) -> str:
    return f"{float(value):g}"
