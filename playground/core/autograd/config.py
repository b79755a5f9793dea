"""The Autograd lab's settings (sessions and remembered settings) and the notes' two examples."""

from __future__ import annotations

from dataclasses import dataclass

from playground.core.config import num, text
from playground.core.text import exception_text, user_text
from playground.core.autograd.program import MAX_PROGRAM_LENGTH, ProgramError, parse_program

NOTES_QUADRATIC = "x = 2; y = x^2 + 3*x + 1"
NOTES_NEURON = "w = 1; b = 0.5; x = 2; y = w*x + b; loss = (y - 3)^2"


@dataclass(frozen=True)
class AutogradConfig:
    program: str = text(NOTES_QUADRATIC, MAX_PROGRAM_LENGTH)
    frozen: str = text("", 200)          # leaves with requires_grad=False, comma-separated
    lr: float = num(0.1, 1e-4, 10.0)     # the gradient-descent step of the no_grad demo
    point: int = num(0, 0, 4999, kind=int)  # the Curve-lab data point for "from one neuron to the network"

    def problems(self) -> list[tuple[str, str]]:
        try:
            parse_program(self.program)
        except ProgramError as exc:
            return [("program", user_text("the program is invalid: {problem}", problem=exception_text(exc)))]
        return []

    def frozen_names(self) -> frozenset[str]:
        return frozenset(name.strip() for name in self.frozen.split(",") if name.strip())
