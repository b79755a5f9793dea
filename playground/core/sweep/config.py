"""What a hyperparameter sweep varies: one or two Curve-lab settings over a few values each."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from itertools import product
from typing import Any

from playground.core.config import choice, invalid_fields, num, text
from playground.core.curve.config import CurveConfig
from playground.core.text import Text, user_text

# The settings a sweep may vary (the list), in the order the UI offers them.
SWEEPABLE = ("activation", "hidden_width", "depth", "lr", "optimizer", "loss", "seed")
MAX_COMBINATIONS = 64
DEFAULT_STEPS = 1000
MAX_STEPS = 100_000
# A saved sweep keeps its loss histories (steps × runs numbers) up to this many values (about 12 MB of JSON).
MAX_SAVED_HISTORY = 1_000_000


@dataclass(frozen=True)
class SweepAxis:
    name: str                      # a CurveConfig field from SWEEPABLE
    values: tuple = ()


@dataclass(frozen=True)
class SweepSpec:
    base: CurveConfig = field(default_factory=CurveConfig)
    axes: tuple[SweepAxis, ...] = ()
    steps: int = DEFAULT_STEPS

    def shape(self) -> tuple[int, ...]:
        return tuple(len(axis.values) for axis in self.axes) or (1,)

    def count(self) -> int:
        n = 1
        for size in self.shape():
            n *= size
        return n

    def problems(self) -> list[Text]:
        found = []
        if not 1 <= len(self.axes) <= 2:
            found.append(user_text("choose one or two settings to vary"))
        names = [axis.name for axis in self.axes]
        if len(set(names)) != len(names):
            found.append(user_text("the two settings to vary must differ"))
        for axis in self.axes:
            if axis.name not in SWEEPABLE:
                found.append(user_text("{name} cannot be swept", name=repr(axis.name)))
            elif not axis.values:
                found.append(user_text("no values given for {name}", name=axis.name))
            elif len(set(axis.values)) != len(axis.values):
                found.append(user_text("a value of {name} is repeated", name=axis.name))
        if self.count() > MAX_COMBINATIONS:
            found.append(user_text("{n} combinations: at most {most}", n=self.count(), most=MAX_COMBINATIONS))
        if not 1 <= self.steps <= 1_000_000:
            found.append(user_text("the number of steps must be between 1 and 1,000,000"))
        if not found:
            for config in self.configs():
                for name, problem in invalid_fields(config).items():
                    found.append(user_text("{name}: {problem}", name=name, problem=problem))
                    break
                if found:
                    break
        return found

    def configs(self) -> list[CurveConfig]:
        """Every combination, row-major (first axis slowest), each with max_steps = steps."""
        base = replace(self.base, max_steps=self.steps)
        if not self.axes:
            return [base]
        return [replace(base, **{axis.name: value for axis, value in zip(self.axes, values)})
                for values in product(*(axis.values for axis in self.axes))]


def differences(config: CurveConfig, reference: CurveConfig,
                fields=("target", "expression", "n_points", "noise", "activation", "hidden_width", "depth",
                        "loss", "optimizer", "lr", "momentum", "batch_size", "weight_decay", "seed")) -> list[tuple[str, object]]:
    """(field, value in ``config``) for each listed field where ``config`` differs from ``reference``."""
    return [(name, getattr(config, name)) for name in fields if getattr(config, name) != getattr(reference, name)]


def format_value(name: str, value) -> str:
    if name == "lr" or isinstance(value, float):
        return f"{value:g}"
    return str(value)


def parse_values(name: str, text: str) -> tuple[tuple, Text | None]:
    """Comma-separated values for a sweepable field → (values, problem or None). Untrusted input."""
    from playground.core.training.components import ACTIVATIONS, LOSSES, OPTIMIZERS
    from playground.core.curve.config import CurveConfig

    parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    if not parts:
        return (), user_text("no values given for {name}", name=name)
    if len(parts) > MAX_COMBINATIONS:
        return (), user_text("too many values for {name} (at most {most})", name=name, most=MAX_COMBINATIONS)
    registries = {"activation": ACTIVATIONS, "optimizer": OPTIMIZERS, "loss": LOSSES}
    values: list = []
    if name in registries:
        names = {n.lower(): n for n in registries[name].names()}
        for part in parts:
            if part.lower() not in names:
                return (), user_text("unknown {name} {value}; choose from {choices}", name=name, value=repr(part),
                                     choices=", ".join(names.values()))
            values.append(names[part.lower()])
    else:
        f = CurveConfig.__dataclass_fields__[name]
        kind, (lo, hi) = f.metadata["kind"], f.metadata["range"]
        for part in parts:
            try:
                value = float(part)
            except ValueError:
                return (), user_text("{value} is not a number", value=repr(part))
            if value != value or value in (float("inf"), float("-inf")):
                return (), user_text("{name} {value} is not a finite number", name=name, value=part)
            if kind is int:
                if value != int(value):
                    return (), user_text("{name} must be a whole number, not {value}", name=name, value=part)
                value = int(value)
            if not lo <= value <= hi:
                return (), user_text("{name} {value} is outside {lo} … {hi}", name=name, value=part,
                                     lo=f"{lo:g}", hi=f"{hi:g}")
            values.append(value)
    if len(set(values)) != len(values):
        return (), user_text("a value of {name} is repeated", name=name)
    return tuple(values), None


@dataclass(frozen=True)
class SweepConfig(CurveConfig):
    """What the Sweep lab remembers and saves in sessions: the settings not varied (the CurveConfig
    fields), the one or two settings varied with their values as typed, and the steps (``max_steps``)."""

    rows: str = choice("hidden_width", lambda: SWEEPABLE)
    row_values: str = text("4, 10, 32")
    columns: str = choice("lr", lambda: ("",) + SWEEPABLE)  # "" = a one-setting sweep
    column_values: str = text("0.001, 0.01, 0.1")
    max_steps: int = num(DEFAULT_STEPS, 1, MAX_STEPS, kind=int)
    # Like the Curve lab's: the CPU or a CUDA GPU (a GPU this machine lacks falls back to the CPU: core.sweep.batched).
    device: str = choice("cpu", lambda: ("cpu", "cuda") + tuple(f"cuda:{i}" for i in range(8)))

    def base(self) -> CurveConfig:
        """The settings every combination shares, as a Curve-lab config."""
        return CurveConfig(**{f.name: getattr(self, f.name) for f in fields(CurveConfig)})

    def axes_text(self) -> list[tuple[str, str]]:
        """[(setting, "v1, v2, …")] as the set-up widgets show them (one or two entries)."""
        axes = [(self.rows, self.row_values)]
        if self.columns:
            axes.append((self.columns, self.column_values))
        return axes

    def spec(self) -> tuple[SweepSpec | None, list[tuple[str, str]]]:
        """The sweep this config describes, or None and (field, problem) pairs."""
        axes, found = [], []
        for (name, values_text), values_field in zip(self.axes_text(), ("row_values", "column_values")):
            values, problem = parse_values(name, values_text)
            if problem:
                found.append((values_field, problem))
            else:
                axes.append(SweepAxis(name, values))
        if self.rows == self.columns:
            found.append(("columns", user_text("the two settings to vary must differ")))
        if found:
            return None, found
        spec = SweepSpec(self.base(), tuple(axes), self.max_steps)
        # Too many combinations (or a value no network allows): blamed on the last values typed.
        problems = [("column_values" if self.columns else "row_values", p) for p in spec.problems()]
        return (None, problems) if problems else (spec, [])

    def problems(self) -> list[tuple[str, str]]:
        return super().problems() + self.spec()[1]

    def with_usable_axes(self) -> "SweepConfig":
        """This config, or, if its sweep still cannot run, the default settings to vary (same base)."""
        if self.spec()[0] is not None:
            return self
        default = SweepConfig()
        return replace(self, rows=default.rows, row_values=default.row_values, columns=default.columns,
                       column_values=default.column_values)


def make_sweep_config(base: CurveConfig, axes: list[tuple[str, str]], steps: int) -> SweepConfig:
    """A SweepConfig from a Curve-lab config, [(setting, "values")] (one or two) and the steps."""
    shared = {f.name: getattr(base, f.name) for f in fields(CurveConfig)}
    (rows, row_values), (columns, column_values) = (list(axes) + [("", "")])[:2]
    return SweepConfig(**shared | {"max_steps": steps, "rows": rows, "row_values": row_values,
                                   "columns": columns or "", "column_values": column_values if columns else ""})


# -- saved results (File → Save session with trained weights) ---------------------------------
def run_prefix(index: int) -> str:
    """Key prefix of run ``index`` (0-based) in a saved state_dict: runs count from 1, as in the CSV files."""
    return f"run{index + 1}."


def split_run_weights(state: dict[str, Any], count: int) -> tuple[list[dict[str, Any]], list[str]]:
    """One state_dict of every run's weights ("run1.0.weight", …) → per-run state_dicts, and problems."""
    runs: list[dict[str, Any]] = [{} for _ in range(count)]
    strays = []
    for name, tensor in state.items():
        head, _, rest = name.partition(".")
        number = head[3:]
        if head.startswith("run") and number.isdigit() and 1 <= int(number) <= count and rest:
            runs[int(number) - 1][rest] = tensor
        else:
            strays.append(name)
    return runs, ([user_text("weights: {n} entries belong to no run of this sweep (e.g. {name})",
                             n=len(strays), name=repr(strays[0]))] if strays else [])


def sweep_weight_problems(config: SweepConfig, state: dict[str, Any]) -> list[str]:
    """Do these weights fit every network of the sweep that ``config`` describes?"""
    from playground.core.persistence.weight_checks import mlp_weight_problems

    spec, _problems = config.spec()
    if spec is None:
        return []  # the config's own problems are reported already
    configs = spec.configs()
    runs, found = split_run_weights(state, len(configs))
    for index, (run_config, run_state) in enumerate(zip(configs, runs)):
        if not run_state:
            continue  # a run that had diverged: saved without weights, shown as diverged again
        found.extend(user_text("run {index}: {problem}", index=index + 1, problem=p)
                     for p in mlp_weight_problems(run_config.hidden_width, run_config.depth, run_config.activation, run_state))
        if len(found) >= 5:
            break  # enough to explain a wrong file
    return found


def saved_training_problems(config: SweepConfig, step, history) -> list[str]:
    """A saved sweep: its step within the sweep's steps, and its loss histories (if saved): ``step``
    rows of one loss per run, flattened row by row."""
    spec, _ = config.spec()
    if spec is None:
        return []  # the config's own problems are reported already
    if step is None or not 0 <= step <= spec.steps:
        return [user_text("training.step must be given with the weights, between 0 and {steps}", steps=spec.steps)]
    expected = step * spec.count()
    if history is not None and len(history) != expected:
        return [user_text("training.loss_history holds {n} values; {step} steps of {runs} runs need {expected}",
                          n=len(history), step=step, runs=spec.count(), expected=expected)]
    return []
