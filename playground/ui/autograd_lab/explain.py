"""The Autograd lab's explanations: the chain rule at a node, the two pitfalls, one point's gradients.

Only formatting (and tr()); every number comes from core.autograd, i.e. from torch.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject

from playground.core.autograd.graph import CONSTANT, LEAF
from playground.core.autograd.walkthrough import chain_terms
from playground.ui.autograd_lab.graph_view import format_value as fv, short_expression
from playground.ui.theme import plot_colors


# What each operation's backward multiplies by (a, b: its inputs), as torch's derivative formulas have it.
LOCAL_RULES = {
    "+": "∂(a+b)/∂a = 1, ∂(a+b)/∂b = 1", "−": "∂(a−b)/∂a = 1, ∂(a−b)/∂b = −1 (−a: −1)",
    "×": "∂(a·b)/∂a = b, ∂(a·b)/∂b = a", "÷": "∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²",
    "^": "∂(aⁿ)/∂a = n·aⁿ⁻¹, ∂(aⁿ)/∂n = aⁿ·ln a", "mod": "∂(a mod b)/∂a = 1, ∂(a mod b)/∂b = −⌊a/b⌋",
    "sin": "∂sin a/∂a = cos a", "cos": "∂cos a/∂a = −sin a", "tan": "∂tan a/∂a = 1 + tan² a",
    "exp": "∂eᵃ/∂a = eᵃ", "log": "∂ln a/∂a = 1/a", "sqrt": "∂√a/∂a = 1/(2√a)", "abs": "∂|a|/∂a = sign a",
    "tanh": "∂tanh a/∂a = 1 − tanh² a", "sigmoid": "∂σ(a)/∂a = σ(a)·(1 − σ(a))",
    "relu": "∂relu a/∂a = 1 if a > 0, else 0", "arctan": "∂arctan a/∂a = 1/(1 + a²)",
    "sign": "∂sign a/∂a = 0", "floor": "∂⌊a⌋/∂a = 0", "ceil": "∂⌈a⌉/∂a = 0",
    "min": "∂min(a, b)/∂a = 1 where a is the smaller", "max": "∂max(a, b)/∂a = 1 where a is the larger",
}


def _d(out: str, node: str) -> str:
    return f"∂{out}/∂{node}"


def _ref(node) -> str:
    """A node in ∂-notation: its name, else its expression in brackets."""
    text = escape(short_expression(node))
    return text if node.names or len(text) <= 2 else f"({text})"


def _paren(value: float) -> str:
    text = fv(value)
    return f"({text})" if text.startswith("−") else text


class Explainer(QObject):
    def node(self, walk, node_id: int | None) -> str:
        """What the selected node shows: its value, and once backward reached it, the chain rule."""
        if node_id is None:
            return self.hint()
        return self._node(walk, node_id)

    def hint(self) -> str:
        return self.tr("Press <b>Forward</b> to compute the values, then <b>Backward</b> to let torch "
                       "send the gradients back, one node at a time. Click a node to explain it.")

    def _node(self, walk, node_id: int) -> str:
        graph = walk.graph
        node = graph.node(node_id)
        name = escape(short_expression(node, 40))
        out = escape(short_expression(graph.node(graph.output)))
        if node.kind == CONSTANT:
            return self.tr("<b>{name}</b> is a constant: torch records no operation for it and sends it no "
                           "gradient.").format(name=name)
        if not node.tracked:
            return self.tr("<b>{name}</b> = {value}: requires_grad=False, so torch builds no graph here and no "
                           "gradient flows back (greyed out).").format(name=name, value=fv(node.value))
        parts = []
        if walk.value_shown(node):
            what = (self.tr("a leaf (torch's AccumulateGrad stores its gradient in .grad)") if node.kind == LEAF
                    else self.tr("computed by {op}; torch records {fn} to go back through it").format(
                        op=escape(node.label), fn=node.torch_name))
            parts.append(self.tr("<b>{name}</b> = {value}: {what}.").format(name=name, value=fv(node.value), what=what))
            if node.label in LOCAL_RULES and node.kind != LEAF:
                parts.append(self.tr("Local derivatives of {fn}: {rule}").format(fn=node.torch_name,
                                                                                 rule=LOCAL_RULES[node.label]))
        if not walk.grad_shown(node):
            return "<br>".join(parts)
        color = plot_colors().fit
        if node_id == graph.output:
            parts.append(self.tr("Backward starts here: {d} = 1.").format(d=_d(out, out)))
            return "<br>".join(parts)
        terms = chain_terms(graph, node_id)
        ref = _ref(node)
        symbolic = " + ".join(f"{_d(out, _ref(graph.node(t.consumer)))} · ∂{_ref(graph.node(t.consumer))}/∂{ref}"
                              for t in terms)
        numeric = " + ".join(f"{_paren(t.upstream)} · {_paren(t.local)}" for t in terms)
        parts.append(self.tr("Chain rule: {lhs} = {symbolic} = {numeric} = <span style='color:{color}'><b>{value}</b>"
                             "</span>").format(lhs=_d(out, ref), symbolic=symbolic, numeric=numeric, color=color,
                                               value=fv(node.grad)))
        if node.kind == LEAF:
            grad = walk.leaf_grad(node.names[0])
            if walk.passes > 1 and grad is not None:
                parts.append(self.tr("{name}.grad = {grad}: {n} backward passes were added up, because backward "
                                     "adds to .grad. Zero it ({name}.grad.zero_()) before the next pass.").format(
                    name=name, grad=fv(grad), n=walk.passes))
        return "<br>".join(parts)

    def accumulation(self, walk) -> str:
        if walk.passes <= 1:
            return ""
        grads = ", ".join(f"{name}.grad = {fv(walk.leaf_grad(name))}" for name in walk.leaves
                          if walk.leaf_grad(name) is not None)
        return self.tr("Backward ran {n} times without zeroing: {grads}. PyTorch adds each pass's gradient to "
                       ".grad; that is why training calls optimizer.zero_grad() (or x.grad.zero_()) every "
                       "step.").format(n=walk.passes, grads=grads)

    def no_grad(self, demo) -> str:
        if demo is None:
            return self.tr("Run Backward first: the update needs a gradient in .grad.")
        return self.tr(
            "<b>With torch.no_grad():</b> {w} -= {lr} · {w}.grad gives {w} = {new}, still a leaf: the update is "
            "not part of the graph.<br><b>Without it:</b> {w} -= lr · {w}.grad fails in torch: <i>{error}</i>. "
            "Writing {w} = {w} − lr · {w}.grad instead runs, but the new {w} has grad_fn={fn} and is no longer a "
            "leaf: autograd records the update itself, the next backward leaves {w}.grad empty, and the graph "
            "grows with every step.").format(w=escape(demo.name), lr=fv(demo.lr), new=fv(demo.new_value),
                                            error=escape(demo.in_place_error), fn=demo.copy_grad_fn)

    def point(self, result) -> str:
        name, value = result.largest
        return self.tr("Point x = {x}, y = {y}: the network predicts {p}, loss {loss}. loss.backward() gives every "
                       "weight its gradient (edge width = |gradient|; orange > 0: the step lowers the weight, blue "
                       "< 0: it raises it). Largest: {name} = {g}.").format(
            x=fv(result.x), y=fv(result.y), p=fv(result.prediction), loss=fv(result.loss), name=name, g=fv(value))
