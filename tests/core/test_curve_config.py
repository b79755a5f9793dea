from dataclasses import replace

from playground.core.config import from_dict, to_dict, validate
from playground.core.curve.config import CurveConfig, notes_preset


def test_round_trip_through_dict():
    config = replace(notes_preset(), hidden_width=37, activation="Tanh", lr=0.003)
    again, problems = from_dict(CurveConfig, to_dict(config))
    assert problems == []
    assert again == config


def test_hand_edited_nonsense_falls_back_per_value():
    data = {"hidden_width": 64, "lr": "fast", "depth": 99, "activation": "Swishy", "seed": 1.5,
            "noise": float("nan"), "bogus": 1, "optimizer": ["Adam"], "n_points": True}
    config, problems = from_dict(CurveConfig, data)
    default = CurveConfig()
    assert config.hidden_width == 64  # the good value survives
    assert (config.lr, config.depth, config.activation, config.seed, config.noise, config.optimizer, config.n_points) == (
        default.lr, default.depth, default.activation, default.seed, default.noise, default.optimizer, default.n_points)
    assert len(problems) == 8
    assert any("bogus" in p for p in problems)


def test_not_a_mapping_gives_defaults():
    config, problems = from_dict(CurveConfig, ["not", "a", "dict"])
    assert config == CurveConfig()
    assert problems


def test_cross_field_problems():
    config, problems = from_dict(CurveConfig, {"x_min": 2.0, "x_max": 1.0})
    assert config.x_max == CurveConfig().x_max
    assert any("x range" in p for p in problems)
    assert validate(replace(CurveConfig(), target="custom", expression="log(x)"))  # NaN for x < 0
    assert validate(replace(CurveConfig(), target="custom", expression="x^2/2")) == []


def test_live_and_restart_fields():
    base = CurveConfig()
    live, restart = replace(base, lr=0.1, optimizer="SGD", loss="Huber").live_changes(base)
    assert live == {"lr", "optimizer", "loss"} and restart == set()
    live, restart = replace(base, hidden_width=20, lr=0.1).live_changes(base)
    assert restart == {"hidden_width"} and live == {"lr"}
