"""The shape of the code (docs/CONTRIBUTING.md), read from the source with ast; nothing is imported.

- No module outside a lab's package reads or writes that lab's underscore attributes.
- No lab package imports another lab package.
- playground.core has no import circle (imports inside functions count).
"""

import ast
from pathlib import Path

import playground

PACKAGE = Path(playground.__file__).parent
LABS = sorted(p.parent.name for p in (PACKAGE / "ui").glob("*_lab/__init__.py"))


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        yield ".".join(parts), path, ast.parse(path.read_text(encoding="utf-8"))


def _imports(name: str, path: Path, tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join(parts + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}
    return found


def _lab_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "ui" and parts[2] in LABS else None


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _private_attributes_of(lab: str) -> set[str]:
    """Underscore attributes a lab package's classes set on ``self``, and their underscore methods."""
    names = set()
    for path in (PACKAGE / "ui" / lab).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and isinstance(node.value, ast.Name)
                    and node.value.id == "self" and _private(node.attr)):
                names.add(node.attr)
            elif isinstance(node, ast.ClassDef):
                names |= {item.name for item in node.body if isinstance(item, ast.FunctionDef) and _private(item.name)}
    return names


def test_the_checks_see_the_labs():
    assert {"curve_lab", "classify_lab", "gd_lab", "linear_lab", "sweep_lab", "mnist_lab"} <= set(LABS)


def test_no_module_outside_a_lab_touches_its_private_attributes():
    private = {lab: _private_attributes_of(lab) for lab in LABS}
    assert private["curve_lab"], "the check found no attributes"
    found = []
    for module, path, tree in _modules():
        home = _lab_of(module)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or not _private(node.attr):
                continue
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            if home is not None and node.attr in private[home]:
                continue  # its own lab's attribute (lab.py's class seen from the lab's other modules)
            owners = [lab for lab, names in private.items() if node.attr in names]
            if owners:
                found.append(f"{module}:{node.lineno} {ast.unparse(node)} (an attribute of {', '.join(owners)})")
    assert not found, "\n".join(found)


def test_no_lab_imports_another_lab():
    found = []
    for module, path, tree in _modules():
        home = _lab_of(module)
        if home is None:
            continue
        for imported in _imports(module, path, tree):
            other = _lab_of(imported)
            if other is not None and other != home:
                found.append(f"{module} imports {imported}")
    assert not found, "\n".join(found)


def test_core_has_no_import_circle():
    graph = {}
    for module, path, tree in _modules():
        if module.startswith("playground.core"):
            graph[module] = {m for m in _imports(module, path, tree)
                             if m.startswith("playground.core") and m != module and not module.startswith(m + ".")}
    assert len(graph) > 10
    modules = set(graph)
    # Keep only edges to modules (``from .x import name`` also yields "x.name", which is no module).
    graph = {m: {w for w in targets if w in modules} for m, targets in graph.items()}
    circles, state = [], {}

    def visit(node, path):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                circles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert not circles, "\n".join(" → ".join(c) for c in circles)
