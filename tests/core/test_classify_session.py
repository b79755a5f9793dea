"""What a session keeps of the Classification lab: its config, the drawn points and weights that fit."""

import json

import numpy as np

from playground.core.persistence import session as sessions
from playground.core.classify.config import (ClassifyConfig, ClassifySessionConfig, build_classifier,
                                             classify_weight_problems, session_config, split_session_config)
from playground.core.config import from_dict, to_dict

POINTS = np.array([[0.1, -5.999], [1.2345678, 3.0]], np.float32)
CLASSES = np.array([2, 0])


def test_drawn_points_round_trip_exactly_and_compactly():
    config = ClassifyConfig(dataset="draw", n_classes=3, hidden=(5,))
    stored = to_dict(session_config(config, POINTS, CLASSES))
    text = json.dumps(stored)
    assert "0.1," in text and "1.2345678" in text and "1.2345677" not in text  # shortest float32 decimals
    read, problems = from_dict(ClassifySessionConfig, json.loads(text))
    assert problems == []
    back, points, classes = split_session_config(read)
    assert back == config and type(back) is ClassifyConfig
    np.testing.assert_array_equal(points, POINTS)
    np.testing.assert_array_equal(classes, CLASSES)


def test_bad_drawn_points_are_reported_and_mismatched_lists_give_no_points():
    stored = to_dict(session_config(ClassifyConfig(), POINTS, CLASSES))
    _, problems = from_dict(ClassifySessionConfig, {**stored, "drawn_points": [[0.0, 7.0], [0.0, 0.0]]})
    assert any("drawn_points" in p and "outside" in p for p in problems)
    _, problems = from_dict(ClassifySessionConfig, {**stored, "drawn_classes": [0, 1.5]})
    assert any("drawn_classes" in p and "whole number" in p for p in problems)
    lenient, problems = from_dict(ClassifySessionConfig, {**stored, "drawn_classes": [0]})
    assert problems == ["drawn_points: 2 points but 1 entries in drawn_classes; using the default"]
    _, points, classes = split_session_config(lenient)
    assert len(points) == len(classes) == 0


def test_weights_must_fit_the_configured_network():
    config = ClassifyConfig(n_classes=3, features=("x1", "x2", "x1x2"), hidden=(4, 2))
    assert classify_weight_problems(config, build_classifier(config).state_dict()) == []
    other = build_classifier(ClassifyConfig(n_classes=2, features=("x1", "x2", "x1x2"), hidden=(4, 2)))
    assert "do not fit" in classify_weight_problems(config, other.state_dict())[0]


def test_a_session_file_with_a_drawing_and_weights_reads_back(tmp_path):
    config = ClassifyConfig(dataset="draw", hidden=(3,))
    weights = build_classifier(config).state_dict()
    entry = sessions.lab_entry(session_config(config, POINTS, np.array([1, 0])), weights=weights, step=7)
    sessions.save(tmp_path / "s.nnplay", {"classify": entry})
    lab = sessions.load(tmp_path / "s.nnplay").labs["classify"]
    assert lab.step == 7 and lab.config["drawn_classes"] == (1, 0)
    assert all(np.array_equal(lab.weights[k], weights[k]) for k in weights)
