"""The labs shown as tabs, in order (adding a lab is one line in ``lab_classes``), and the shelf that
builds each lab when its tab is first opened (or when something asks for it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Callable, Iterator

from playground.ui.lab_base import Lab


def lab_classes() -> list[type[Lab]]:
    # Imported here, not at module level: the window module stays cheap to import.
    from playground.ui.autograd_lab.lab import AutogradLab
    from playground.ui.classify_lab.lab import ClassifyLab
    from playground.ui.curve_lab.lab import CurveLab
    from playground.ui.gd_lab.lab import GDLab
    from playground.ui.linear_lab.lab import LinearLab
    from playground.ui.mnist_lab.lab import MnistLab
    from playground.ui.sweep_lab.lab import SweepLab

    return [CurveLab, ClassifyLab, GDLab, LinearLab, SweepLab, MnistLab, AutogradLab]


class LabShelf(Mapping):
    """Lab key → lab, in tab order. A lab is built the first time it is looked up (``shelf[key]``, or
    iterating ``values()``/``items()``); ``built()`` gives only those that exist, without building any.
    ``on_build(lab)`` runs once for each lab just built."""

    def __init__(self, classes: list[type[Lab]], make: Callable[[type[Lab]], Lab],
                 on_build: Callable[[Lab], None]) -> None:
        self.classes = {cls.key: cls for cls in classes}
        self._make, self._on_build = make, on_build
        self._built: dict[str, Lab] = {}

    def __getitem__(self, key: str) -> Lab:
        lab = self._built.get(key)
        if lab is None:
            lab = self._built[key] = self._make(self.classes[key])  # KeyError for an unknown lab
            self._on_build(lab)
        return lab

    def __contains__(self, key) -> bool:  # Mapping's would build the lab to answer
        return key in self.classes

    def __iter__(self) -> Iterator[str]:
        return iter(self.classes)

    def __len__(self) -> int:
        return len(self.classes)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built(self) -> dict[str, Lab]:
        return {key: self._built[key] for key in self.classes if key in self._built}
