"""What a hyperparameter sweep varies: one or two Curve-lab settings over a few values each."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import product

from .config import invalid_fields
from .curve_config import CurveConfig

# The settings a sweep may vary (the list), in the order the UI offers them.
SWEEPABLE = ("activation", "hidden_width", "depth", "lr", "optimizer", "loss", "seed")
MAX_COMBINATIONS = 64
DEFAULT_STEPS = 1000


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

    def problems(self) -> list[str]:
        found = []
        if not 1 <= len(self.axes) <= 2:
            found.append("choose one or two settings to vary")
        names = [axis.name for axis in self.axes]
        if len(set(names)) != len(names):
            found.append("the two settings to vary must differ")
        for axis in self.axes:
            if axis.name not in SWEEPABLE:
                found.append(f"{axis.name!r} cannot be swept")
            elif not axis.values:
                found.append(f"no values given for {axis.name}")
            elif len(set(axis.values)) != len(axis.values):
                found.append(f"a value of {axis.name} is repeated")
        if self.count() > MAX_COMBINATIONS:
            found.append(f"{self.count()} combinations: at most {MAX_COMBINATIONS}")
        if not 1 <= self.steps <= 1_000_000:
            found.append("the number of steps must be between 1 and 1,000,000")
        if not found:
            for config in self.configs():
                for name, problem in invalid_fields(config).items():
                    found.append(f"{name}: {problem}")
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


def parse_values(name: str, text: str) -> tuple[tuple, str | None]:
    """Comma-separated values for a sweepable field → (values, problem or None). Untrusted input."""
    from .components import ACTIVATIONS, LOSSES, OPTIMIZERS
    from .curve_config import CurveConfig

    parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    if not parts:
        return (), f"no values given for {name}"
    if len(parts) > MAX_COMBINATIONS:
        return (), f"too many values for {name} (at most {MAX_COMBINATIONS})"
    registries = {"activation": ACTIVATIONS, "optimizer": OPTIMIZERS, "loss": LOSSES}
    values: list = []
    if name in registries:
        names = {n.lower(): n for n in registries[name].names()}
        for part in parts:
            if part.lower() not in names:
                return (), f"unknown {name} {part!r}; choose from {', '.join(names.values())}"
            values.append(names[part.lower()])
    else:
        f = CurveConfig.__dataclass_fields__[name]
        kind, (lo, hi) = f.metadata["kind"], f.metadata["range"]
        for part in parts:
            try:
                value = float(part)
            except ValueError:
                return (), f"{part!r} is not a number"
            if kind is int:
                if value != int(value):
                    return (), f"{name} must be a whole number, not {part}"
                value = int(value)
            if not lo <= value <= hi:
                return (), f"{name} {part} is outside {lo:g} … {hi:g}"
            values.append(value)
    if len(set(values)) != len(values):
        return (), f"a value of {name} is repeated"
    return tuple(values), None
