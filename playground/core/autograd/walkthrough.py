"""Forward and backward, one node at a time, and the notes' two pitfalls.

A Walkthrough keeps the program's leaf tensors for as long as the program and
its values stay the same, so their ``.grad`` accumulates across backward passes
exactly as in torch (7 → 14 for the notes' quadratic) until ``zero_grad()``.
Steps only reveal what torch computed: values at build time, gradients in one
``backward()`` per pass, in the order torch's engine reached the nodes.
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.core.autograd.graph import OPERATION, Graph, GraphNode, _backward, build_graph, make_leaves
from playground.core.autograd.program import Program


class Walkthrough:
    def __init__(self, program: Program, values: dict[str, float] | None = None,
                 frozen: frozenset[str] = frozenset()) -> None:
        self.program = program
        self.frozen = frozenset(frozen) & {leaf.name for leaf in program.leaves}
        self.leaves = make_leaves(program, values, self.frozen)
        self.passes = 0            # backward passes accumulated into .grad since the last zero_grad
        self._rebuild()

    # -- state ---------------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        self.graph: Graph = build_graph(self.program, self.leaves, run_backward=False)
        self.forward_steps = [n for n in self.graph.forward_order if self.graph.node(n).kind == OPERATION]
        self.forward_shown = 0     # operations whose value is shown (leaves and constants always are)
        self.backward_shown = 0    # nodes of graph.backward_order whose gradient is shown
        self.backward_ran = False  # this graph's backward() has run (its buffers are freed)

    def values(self) -> dict[str, float]:
        return {name: float(t.detach()) for name, t in self.leaves.items()}

    @property
    def forward_done(self) -> bool:
        return self.forward_shown >= len(self.forward_steps)

    @property
    def backward_done(self) -> bool:
        return self.backward_ran and self.backward_shown >= len(self.graph.backward_order)

    def can_backward(self) -> bool:
        return self.graph.node(self.graph.output).tracked

    def value_shown(self, node: GraphNode) -> bool:
        return node.kind != OPERATION or node.id in self.forward_steps[:self.forward_shown]

    def grad_shown(self, node: GraphNode) -> bool:
        return node.id in self.graph.backward_order[:self.backward_shown]

    def current(self) -> int | None:
        """The node the last step revealed (its value or its gradient)."""
        if self.backward_shown:
            return self.graph.backward_order[self.backward_shown - 1]
        if self.forward_shown:
            return self.forward_steps[self.forward_shown - 1]
        return None

    def leaf_grad(self, name: str) -> float | None:
        """The leaf's ``.grad`` as torch holds it (accumulated over passes); None before any backward."""
        grad = self.leaves[name].grad
        return None if grad is None else float(grad)

    # -- steps -----------------------------------------------------------------------------------------
    def forward_step(self) -> bool:
        if self.backward_ran:
            self._rebuild()  # a new forward pass (the old graph's buffers are gone)
        if self.forward_done:
            return False
        self.forward_shown += 1
        return True

    def forward_all(self) -> None:
        if self.backward_ran:
            self._rebuild()
        self.forward_shown = len(self.forward_steps)

    def backward_step(self) -> bool:
        """Reveal the next gradient; the first step runs torch's backward (after finishing the forward)."""
        if not self._start_backward():
            return False
        self.backward_shown += 1
        return True

    def backward_all(self) -> bool:
        """Backward at once; pressed again without zero_grad, the leaves' .grad accumulates."""
        if not self._start_backward():
            return False
        self.backward_shown = len(self.graph.backward_order)
        return True

    def _start_backward(self) -> bool:
        """Run torch's backward unless this graph's pass is under way; a finished pass starts a new one."""
        if not self.can_backward():
            return False
        if self.backward_done:
            self._rebuild()  # a new forward pass on the same leaves: their .grad keeps what it had
        if not self.backward_ran:
            self.forward_all()
            self._run_backward()
        return True

    def _run_backward(self) -> None:
        _backward(self.graph)
        self.backward_ran = True
        self.passes += 1

    def zero_grad(self) -> None:
        """``x.grad.zero_()`` for every leaf, as the notes do after each step."""
        for tensor in self.leaves.values():
            if tensor.grad is not None:
                tensor.grad.zero_()
        self.passes = 0

    def set_values(self, values: dict[str, float]) -> None:
        """New leaf values (sliders): recompute everything, keep how far the walk had got, fresh gradients."""
        forward_shown, backward_shown = self.forward_shown, self.backward_shown
        self.leaves = make_leaves(self.program, {**self.values(), **values}, self.frozen)
        self.passes = 0
        self._rebuild()
        self.forward_shown = forward_shown
        if backward_shown and self.can_backward():
            self._run_backward()
            self.backward_shown = min(backward_shown, len(self.graph.backward_order))

    def descent_step(self, lr: float) -> dict[str, float]:
        """``with torch.no_grad(): leaf -= lr * leaf.grad`` for every leaf with a gradient; then a new
        forward pass. The gradients are not zeroed (that is the learner's next button)."""
        import torch

        with torch.no_grad():
            for tensor in self.leaves.values():
                if tensor.grad is not None:
                    tensor -= lr * tensor.grad
        self._rebuild()
        self.forward_all()
        return self.values()


@dataclass(frozen=True)
class NoGradDemo:
    """What happens to ``w`` when the update runs with and without ``torch.no_grad()``."""
    name: str
    lr: float
    old_value: float
    grad: float
    new_value: float            # with no_grad: w − lr·grad, still a leaf
    still_leaf: bool
    in_place_error: str         # without no_grad, ``w -= lr * w.grad``: torch's own error message
    copy_grad_fn: str           # without no_grad, ``w = w - lr * w.grad``: the new w's grad_fn…
    copy_is_leaf: bool          # …and it is no longer a leaf, so its .grad stays None next time


def no_grad_demo(walk: Walkthrough, name: str, lr: float) -> NoGradDemo | None:
    """Run both versions of the update on copies of leaf ``name`` (the walk itself is not changed)."""
    import torch

    leaf = walk.leaves.get(name)
    if leaf is None or leaf.grad is None or not leaf.requires_grad:
        return None
    grad = leaf.grad.detach().clone()
    with_no_grad = leaf.detach().clone().requires_grad_(True)
    with torch.no_grad():
        with_no_grad -= lr * grad
    in_place = leaf.detach().clone().requires_grad_(True)
    try:
        in_place -= lr * grad
        error = ""
    except RuntimeError as exc:
        error = str(exc).strip().splitlines()[0]
    copy = leaf.detach().clone().requires_grad_(True)
    copy = copy - lr * grad
    return NoGradDemo(name, lr, float(leaf.detach()), float(grad), float(with_no_grad.detach()),
                      with_no_grad.is_leaf, error, type(copy.grad_fn).__name__, copy.is_leaf)


@dataclass(frozen=True)
class ChainTerm:
    consumer: int     # the node this one feeds
    upstream: float   # ∂output/∂consumer
    local: float      # ∂consumer/∂node


def chain_terms(graph: Graph, node_id: int) -> list[ChainTerm]:
    """∂output/∂node = Σ over consumers ∂output/∂consumer · ∂consumer/∂node (tracked edges only)."""
    terms = []
    for edge in graph.consumers(node_id):
        consumer = graph.node(edge.target)
        if edge.local is not None and consumer.grad is not None:
            terms.append(ChainTerm(edge.target, consumer.grad, edge.local))
    return terms
