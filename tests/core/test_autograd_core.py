"""The Autograd lab's core: the notes' numbers, torch's own values and gradients, bad input, the pitfalls."""

import ast
import math
import random
import subprocess
import sys

import pytest
import torch

from playground.core.autograd.config import NOTES_NEURON, NOTES_QUADRATIC, AutogradConfig
from playground.core.autograd.graph import CONSTANT, build_graph, make_leaves
from playground.core.autograd.layout import layout_graph
from playground.core.autograd.program import ProgramError, parse_program, with_leaf_value
from playground.core.autograd.snippet import render_snippet
from playground.core.autograd.walkthrough import Walkthrough, chain_terms, no_grad_demo
from playground.core.config import from_dict


def graph_of(text, **values):
    program = parse_program(text)
    return build_graph(program, make_leaves(program, values))


def test_notes_quadratic_gives_11_and_7():
    graph = graph_of(NOTES_QUADRATIC)
    assert graph.by_name("y").value == 11.0
    assert graph.by_name("x").grad == 7.0
    assert graph.leaf_tensors["x"].grad.item() == 7.0
    assert graph.node(graph.output).torch_name == "AddBackward0"
    assert {n.torch_name for n in graph.nodes} >= {"AccumulateGrad", "PowBackward0", "MulBackward0", "AddBackward0"}


def test_notes_neuron_gives_the_notes_numbers_and_the_chain_rule():
    graph = graph_of(NOTES_NEURON)
    assert graph.by_name("y").value == 2.5
    assert graph.by_name("loss").value == 0.25
    assert graph.by_name("w").grad == -2.0
    assert graph.by_name("b").grad == -1.0
    w = graph.by_name("w")
    (term,) = chain_terms(graph, w.id)  # ∂loss/∂w = ∂loss/∂(w·x) · ∂(w·x)/∂w = −1 · 2
    assert (term.upstream, term.local) == (-1.0, 2.0)
    assert graph.node(term.consumer).torch_name == "MulBackward0"
    # torch's engine order starts at the output and ends at leaves
    assert graph.backward_order[0] == graph.output
    assert set(graph.backward_order) == {n.id for n in graph.nodes if n.tracked}


# -- 200 random programs against torch, computed independently -----------------------------------------
UNARY = ["sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sign", "floor", "ceil", "arctan", "relu",
         "sigmoid"]
TORCH_UNARY = {"arctan": torch.atan, "relu": torch.relu}
BINARY = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
          "^": lambda a, b: a ** b, "%": lambda a, b: a % b}


def _number(a):
    return a if isinstance(a, torch.Tensor) else torch.tensor(a, dtype=torch.float64)


def random_expression(rng, scope, depth):
    """(text, value) built with torch directly; subtrees are recorded in ``record`` for the check."""
    if depth == 0 or rng.random() < 0.15:
        if rng.random() < 0.75:
            name = rng.choice(sorted(scope))
            return name, scope[name]
        c = rng.choice([0.5, 1.5, 2, 3, 0.25])
        return repr(c), float(c)
    kind = rng.random()
    if kind < 0.35:
        fn = rng.choice(UNARY)
        text, value = random_expression(rng, scope, depth - 1)
        torch_fn = TORCH_UNARY.get(fn) or getattr(torch, fn)
        return f"{fn}({text})", torch_fn(_number(value))
    if kind < 0.45:
        fn = rng.choice(["min", "max"])
        (ta, a), (tb, b) = random_expression(rng, scope, depth - 1), random_expression(rng, scope, depth - 1)
        return f"{fn}({ta}, {tb})", getattr(torch, fn + "imum")(_number(a), _number(b))
    if kind < 0.52:
        text, value = random_expression(rng, scope, depth - 1)
        if not isinstance(value, torch.Tensor):
            return f"(-{text})", -value
        return f"(-{text})", -value
    op = rng.choice(list(BINARY))
    (ta, a), (tb, b) = random_expression(rng, scope, depth - 1), random_expression(rng, scope, depth - 1)
    if op == "%":  # torch has no derivative of a % b with respect to b
        c = rng.choice([0.7, 2])
        tb, b = repr(c), float(c)
    if op == "^":  # keep powers defined: a positive base or a small whole exponent
        c = rng.choice([2, 3, 0.5])
        tb, b = repr(c), float(c)
        if c == 0.5:
            ta, a = f"abs({ta})", torch.abs(_number(a))
    if not isinstance(a, torch.Tensor) and not isinstance(b, torch.Tensor):
        a = _number(a)
    return f"({ta} {op} {tb})", BINARY[op](a, b)


def _subtrees(text):
    """Every operation's canonical text (as the lab's nodes carry it)."""
    tree = ast.parse(text.replace("^", "**"), mode="eval").body
    return [ast.unparse(node) for node in ast.walk(tree) if isinstance(node, (ast.BinOp, ast.UnaryOp, ast.Call))]


def _close(a, b):
    if a is None or b is None:
        return a is b
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


def test_200_random_programs_match_torch_node_by_node():
    rng = random.Random(16)
    checked_nodes = checked = 0
    while checked < 200:
        leaf_names = rng.sample(["a", "b", "c", "w", "x2", "bias"], rng.randint(2, 4))
        scope = {name: torch.tensor(round(rng.uniform(-2, 2), 3), dtype=torch.float64, requires_grad=True)
                 for name in leaf_names}
        lines = [f"{name} = {scope[name].item()!r}" for name in leaf_names]
        names = []
        for index in range(rng.randint(1, 3)):
            text, value = random_expression(rng, scope, rng.randint(2, 5))
            if not isinstance(value, torch.Tensor) or not value.requires_grad:
                break
            name = f"v{index}"
            lines.append(f"{name} = {text}")
            keys = _subtrees(text)
            if len(keys) != len(set(keys)):
                break  # a repeated sub-expression cannot be matched to one node: draw another program
            scope[name] = value
            names.append(name)
        if not names or len(names) != len(lines) - len(leaf_names):
            continue
        # the test's own sub-expression tensors, from the same text, for every op node
        program = parse_program("; ".join(lines))
        graph = build_graph(program, make_leaves(program))
        independent = _independent(lines, leaf_names)
        output = scope[names[-1]]
        tensors = [t for t in independent.values() if t.requires_grad]
        for t in tensors:
            if not t.is_leaf:
                t.retain_grad()
        independent_output = independent[(len(names) - 1, "root")]
        independent_output.backward()
        assert _close(graph.node(graph.output).value, output.item())
        for node in graph.nodes:
            if node.kind == CONSTANT:
                continue
            key = ("leaf", node.names[0]) if node.kind == "leaf" else (node.span[0], node.expression)
            tensor = independent[key]
            assert _close(node.value, tensor.item()), (lines, node.expression)
            want = None if not tensor.requires_grad else (0.0 if tensor.grad is None else tensor.grad.item())
            assert _close(node.grad, want), (lines, node.expression, node.grad, want)
            checked_nodes += 1
        checked += 1
    assert checked_nodes > 1000


def _independent(lines, leaf_names):
    """Evaluate the program with torch directly, keyed like the lab's nodes (no code from the lab)."""
    values = {}
    scope = {}
    for name in leaf_names:
        scope[name] = torch.tensor(float(next(l for l in lines if l.startswith(name + " =")).split("=")[1]),
                                   dtype=torch.float64, requires_grad=True)
        values[("leaf", name)] = scope[name]
    statement = 0
    for line in lines[len(leaf_names):]:
        name, text = (part.strip() for part in line.split("=", 1))
        root = _evaluate(ast.parse(text.replace("^", "**"), mode="eval").body, scope, values, statement)
        values[(statement, "root")] = root
        scope[name] = root
        statement += 1
    return values


def _evaluate(node, scope, values, statement):
    if isinstance(node, ast.Constant):
        return float(node.value)
    if isinstance(node, ast.Name):
        return scope[node.id]
    if isinstance(node, ast.UnaryOp):
        operand = _evaluate(node.operand, scope, values, statement)
        result = -operand
    elif isinstance(node, ast.BinOp):
        a, b = _evaluate(node.left, scope, values, statement), _evaluate(node.right, scope, values, statement)
        if not isinstance(a, torch.Tensor) and not isinstance(b, torch.Tensor):
            a = _number(a)
        op = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "^", ast.Mod: "%"}[type(node.op)]
        result = BINARY[op](a, b)
    else:
        args = [_number(_evaluate(arg, scope, values, statement)) for arg in node.args]
        fn = node.func.id
        torch_fn = {"min": torch.minimum, "max": torch.maximum}.get(fn) or TORCH_UNARY.get(fn) or getattr(torch, fn)
        result = torch_fn(*args)
    if isinstance(result, torch.Tensor):
        values[(statement, ast.unparse(node))] = result
    return result


# -- bad input ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "x = 2; y = __import__('os').system('echo hi')",
    "x = 2; y = x.real",
    "x = 2; y = (" * 1 + "x" + "+1" * 5000,
    "x = 2; y = " + "(" * 200 + "x" + ")" * 200,
    "x = 2; y = " + "-" * 300 + "x",
    "x = 2; y = sin(" * 40 + "x" + ")" * 40,
    "x = 2; y = [x]", "x = 2; y = lambda: x", "x = 2; y = 'x'", "x = 2; y = x if x else 1",
    "x = 2; y = z + 1", "x = 2; x = x + 1", "x = 2", "y = 3 + 4", "", "   ",
    "x = 2; y = sin", "x = 2; y = open(x)", "x = 2; y = max(x)", "x = 2; import os", "x = 2; y = x; del y",
    "x = 2; __class__ = x + 1", "x = 2; y = x + 1e999", "x = 2; y = x @ x", "x = 2; y = x ** 2 ** 2 if 1 else 0",
    "x = 2; y = 你 + x", "x = 2\x00; y = x",
])
def test_unsupported_or_malicious_input_gets_a_message(text):
    with pytest.raises(ProgramError) as info:
        parse_program(text)
    assert str(info.value)  # a message, not a bare exception


def test_ten_thousand_characters_are_refused_quickly():
    with pytest.raises(ProgramError, match="longer than"):
        parse_program("x = 1; y = " + "x+" * 5000 + "x")


def test_full_width_punctuation_from_a_chinese_keyboard_is_understood():
    program = parse_program("x ＝ 2； y ＝ x＾2 ＋ 3＊x ＋ 1")
    assert build_graph(program, make_leaves(program)).by_name("y").value == 11.0


def test_a_slider_rewrites_only_the_leaf_number():
    program = parse_program("a = 1; b = a^2 + 1; c = 3\nd = c * b")
    assert with_leaf_value(program, "c", 4.5) == "a = 1; b = a^2 + 1; c = 4.5\nd = c * b"


# -- walkthrough and the pitfalls -------------------------------------------------------------------
def test_backward_twice_without_zeroing_accumulates_7_then_14():
    walk = Walkthrough(parse_program(NOTES_QUADRATIC))
    assert walk.leaf_grad("x") is None
    walk.backward_all()
    assert walk.leaf_grad("x") == 7.0
    walk.backward_all()
    assert walk.leaf_grad("x") == 14.0 and walk.passes == 2
    walk.zero_grad()
    assert walk.leaf_grad("x") == 0.0
    walk.backward_all()
    assert walk.leaf_grad("x") == 7.0


def test_forward_then_backward_step_by_step():
    walk = Walkthrough(parse_program(NOTES_NEURON))
    graph = walk.graph
    assert not any(walk.value_shown(graph.node(n)) for n in walk.forward_steps)
    steps = 0
    while walk.forward_step():
        steps += 1
    assert steps == len(walk.forward_steps) and walk.forward_done
    order = []
    while not walk.backward_done:
        walk.backward_step()
        order.append(walk.current())
    assert order == walk.graph.backward_order
    assert walk.graph.node(order[0]).names == ["loss"]
    assert walk.leaf_grad("w") == -2.0


def test_requires_grad_false_greys_the_branch():
    walk = Walkthrough(parse_program("w = 1; x = 2; b = 0.5; u = w*x; y = u + b"), frozen=frozenset({"w", "x"}))
    graph = walk.graph
    assert not graph.by_name("u").tracked and not graph.by_name("w").tracked
    assert graph.by_name("y").tracked
    walk.backward_all()
    assert walk.leaf_grad("b") == 1.0 and walk.leaf_grad("w") is None
    assert graph.by_name("u").id not in walk.graph.backward_order


def test_no_grad_step_and_what_goes_wrong_without_it():
    walk = Walkthrough(parse_program(NOTES_NEURON), frozen=frozenset({"x"}))  # x is data, as in the notes
    walk.backward_all()
    demo = no_grad_demo(walk, "w", 0.1)
    assert demo.new_value == pytest.approx(1.2) and demo.still_leaf
    assert "in-place" in demo.in_place_error and "leaf" in demo.in_place_error
    assert demo.copy_grad_fn == "SubBackward0" and not demo.copy_is_leaf
    assert walk.leaves["w"].item() == 1.0  # the demo works on copies
    values = walk.descent_step(0.1)
    assert values["w"] == pytest.approx(1.2) and values["b"] == pytest.approx(0.6)
    assert walk.leaves["w"].is_leaf and walk.graph.by_name("loss").value < 0.25
    walk.backward_all()  # no zero_grad: the old gradient is still in .grad
    assert walk.leaf_grad("w") == pytest.approx(-2.0 + 2 * (1.2 * 2 + 0.6 - 3) * 2)


def test_sliders_recompute_and_keep_the_walk_position():
    walk = Walkthrough(parse_program(NOTES_QUADRATIC))
    walk.backward_all()
    walk.backward_all()
    walk.set_values({"x": 3.0})
    assert walk.graph.by_name("y").value == 19.0 and walk.leaf_grad("x") == 9.0 and walk.backward_done


# -- export -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,frozen", [(NOTES_NEURON, frozenset()),
                                         ("a = 0.3; b = -1.2; u = sin(a*b) + max(a, 1/0*0); v = u^2 - exp(b) + pi", frozenset({"b"}))])
def test_exported_snippet_prints_the_labs_numbers(tmp_path, text, frozen):
    program = parse_program(text)
    walk = Walkthrough(program, frozen=frozen)
    walk.backward_all()
    script = tmp_path / "snippet.py"
    script.write_text(render_snippet(program, walk.values(), frozen))
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    printed = dict(line.split(" = ", 1) for line in result.stdout.strip().splitlines())
    graph = walk.graph
    for statement in program.statements:
        assert _close(float(printed[statement.name]), graph.by_name(statement.name).value)
    out = program.output
    for leaf in program.leaves:
        got = printed[f"d{out}/d{leaf.name}"]
        assert (got == "None") if walk.leaf_grad(leaf.name) is None else _close(float(got), walk.leaf_grad(leaf.name))
    for statement in program.statements[:-1]:
        assert _close(float(printed[f"d{out}/d{statement.name}"]), graph.by_name(statement.name).grad)


# -- layout and settings -------------------------------------------------------------------------------
FORTY_NODES = ("a = 1; b = 2; c = 0.5\n" + "\n".join(f"v{i} = sin(a * {i + 1}) + b * c" for i in range(6))
               + "\ny = v0 * v1 + v2 / (v3 + 3) + v4 * v5 + exp(a) * tanh(b)")


def test_forty_node_layout_has_no_overlapping_boxes():
    graph = graph_of(FORTY_NODES)
    assert 40 <= len(graph.nodes) <= 46
    ids = [n.id for n in graph.nodes]
    sizes = {n.id: (60.0 + 3 * len(n.label), 40.0) for n in graph.nodes}
    lay = layout_graph(ids, [(e.source, e.target) for e in graph.edges], sizes,
                       sources={n.id for n in graph.nodes if n.kind == CONSTANT})
    boxes = list(lay.boxes.values())
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    x = {n: lay.boxes[n].x for n in ids}
    assert all(x[e.source] < x[e.target] for e in graph.edges)  # left to right


def test_config_refuses_a_bad_program_and_keeps_the_default():
    config, problems = from_dict(AutogradConfig, {"program": "x = __import__('os')", "lr": 0.5})
    assert config.program == NOTES_QUADRATIC and config.lr == 0.5 and problems
    assert from_dict(AutogradConfig, {"program": NOTES_NEURON, "frozen": "x"})[0].frozen_names() == {"x"}


# -- from one neuron to the network ----------------------------------------------------------------------
def test_one_points_gradients_are_torchs_and_the_fresh_network_is_the_curve_labs():
    from playground.core.autograd.network_grad import point_gradients, training_points
    from playground.core.curve.config import notes_preset
    from playground.core.curve.trainer import CurveTrainer

    config = notes_preset()
    trainer = CurveTrainer(config)
    xs, ys = training_points(config)
    fresh = point_gradients(config, None, float(xs[30]), float(ys[30]), seed_if_untrained=config.seed)
    given = point_gradients(config, trainer.model.state_dict(), float(xs[30]), float(ys[30]))
    assert fresh.loss == pytest.approx(given.loss, rel=1e-6)
    model = trainer.model.double()
    loss = torch.nn.functional.mse_loss(model(torch.tensor([[float(xs[30])]], dtype=torch.float64)),
                                        torch.tensor([[float(ys[30])]], dtype=torch.float64))
    loss.backward()
    for (dw, db), layer in zip(given.grads, [model[0], model[2]]):
        assert dw == pytest.approx(layer.weight.grad.numpy(), rel=1e-9, abs=1e-12)
        assert db == pytest.approx(layer.bias.grad.numpy(), rel=1e-9, abs=1e-12)
    assert abs(given.largest[1]) == max(float(abs(g).max()) for pair in given.grads for g in pair)
