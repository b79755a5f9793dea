"""Do saved weights fit the network a config describes? (Sessions and model files ask before loading.)"""

from __future__ import annotations

from typing import Any

from playground.core.text import user_text


def model_fit_problems(model, state: dict[str, Any]) -> list[str]:
    """Do these weights load into ``model`` exactly (the same layers and shapes)?"""
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as exc:
        first = str(exc).strip().splitlines()
        return [user_text("weights do not fit the network in the configuration ({detail})",
                          detail=first[-1].strip() if first else "")]
    return []


def mlp_weight_problems(hidden_width: int, depth: int, activation: str, state: dict[str, Any]) -> list[str]:
    """Do these weights fit the Curve lab's 1-input, 1-output MLP of that shape?"""
    from playground.core.training.models import build_mlp

    return model_fit_problems(build_mlp(1, 1, hidden_width, depth, activation), state)
