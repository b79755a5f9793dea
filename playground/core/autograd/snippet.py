"""The lab's program as a short PyTorch script that prints the same values and gradients."""

from __future__ import annotations

import ast
import math

from playground.core.autograd.graph import TORCH_FUNCTIONS
from playground.core.autograd.program import Program, format_number


def render_snippet(program: Program, values: dict[str, float] | None = None,
                   frozen: frozenset[str] = frozenset()) -> str:
    values = {**program.values(), **(values or {})}
    variables = {leaf.name for leaf in program.leaves} | {s.name for s in program.statements}
    out = program.output
    lines = ["# The Autograd lab's computation graph, built and differentiated by PyTorch (NN Playground).",
             "import torch", ""]
    for leaf in program.leaves:
        lines.append(f"{leaf.name} = torch.tensor({format_number(values[leaf.name])}, dtype=torch.float64, "
                     f"requires_grad={leaf.name not in frozen})")
    for statement in program.statements:
        code = ast.unparse(_TorchCode(variables).visit(_copy(statement.expr)))
        lines.append(f"{statement.name} = {code}")
    intermediates = [s.name for s in program.statements[:-1]]
    tracked = f"{out}.requires_grad"
    lines += ["", f"if {tracked}:"]
    lines += [f"    if {name}.requires_grad:\n        {name}.retain_grad()  # keep the gradient of a non-leaf"
              for name in intermediates] or []
    lines += [f"    {out}.backward()", ""]
    for statement in program.statements:
        lines.append(f'print("{statement.name} =", {statement.name}.item())')
    for name in intermediates + [leaf.name for leaf in program.leaves]:
        lines.append(f'print("d{out}/d{name} =", None if {name}.grad is None else {name}.grad.item())')
    return "\n".join(lines) + "\n"


def _copy(node: ast.AST) -> ast.AST:
    return ast.parse(ast.unparse(node), mode="eval").body


class _TorchCode(ast.NodeTransformer):
    """Function names → torch functions, pi/e → numbers, plain numbers given to torch → float64 tensors."""

    def __init__(self, variables: set[str]) -> None:
        self.variables = variables

    def _is_number(self, node: ast.AST) -> bool:
        return not any(isinstance(n, ast.Name) and n.id in self.variables for n in ast.walk(node))

    def _tensor(self, node: ast.AST) -> ast.AST:
        if not self._is_number(node):
            return node
        return ast.Call(ast.Attribute(ast.Name("torch"), "tensor"), [node],
                        [ast.keyword("dtype", ast.Attribute(ast.Name("torch"), "float64"))])

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.variables:
            return node
        return ast.Constant({"pi": math.pi, "e": math.e}[node.id])

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        both_numbers = self._is_number(node)
        self.generic_visit(node)
        if both_numbers and _plain_number(node.left):  # 1/0 is inf in torch, a ZeroDivisionError in Python
            node.left = self._tensor(node.left)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        args = [self.visit(arg) for arg in node.args]
        args = [self._tensor(arg) if _plain_number(arg) else arg for arg in args]
        return ast.Call(ast.Attribute(ast.Name("torch"), TORCH_FUNCTIONS[node.func.id]), args, [])


def _plain_number(node: ast.AST) -> bool:
    """A literal (or a negated one): a Python number, not yet a tensor."""
    if isinstance(node, ast.UnaryOp):
        node = node.operand
    return isinstance(node, ast.Constant)
