import numpy as np
import pytest
import torch

from playground.core.curve.contributions import contributions, model_details, relu_kinks, sign_changes
from playground.core.training.models import build_mlp


@pytest.mark.parametrize("activation", ["ReLU", "Tanh", "Sigmoid", "GELU", "LeakyReLU"])
@pytest.mark.parametrize("depth", [1, 2, 3])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_contributions_sum_to_the_output(activation, depth, seed):
    torch.manual_seed(seed)
    model = build_mlp(1, 1, 7 + seed, depth, activation)
    x = np.linspace(-4, 4, 301, dtype=np.float32)
    pieces, bias = contributions(model, x)
    with torch.no_grad():
        y = model(torch.from_numpy(x).reshape(-1, 1)).reshape(-1).numpy()
    assert pieces.shape == (301, 7 + seed)
    np.testing.assert_allclose(pieces.sum(axis=1) + bias, y, rtol=1e-5, atol=1e-5)


def test_relu_kinks_are_where_units_bend():
    torch.manual_seed(4)
    model = build_mlp(1, 1, 10, 1, "ReLU")
    w = model[0].weight.detach().numpy()
    b = model[0].bias.detach().numpy()
    kinks = relu_kinks(w, b, -3, 3)
    xs = torch.linspace(-3, 3, 2001).reshape(-1, 1)
    with torch.no_grad():
        z = model[0](xs).numpy()
    numeric = sign_changes(xs.reshape(-1).numpy(), z)
    assert len(kinks) == len(numeric) > 0
    np.testing.assert_allclose(kinks, numeric, atol=5e-3)


def test_model_details_for_one_relu_layer():
    torch.manual_seed(0)
    model = build_mlp(1, 1, 10, 1, "ReLU")
    x_plot = torch.linspace(-4, 4, 400).reshape(-1, 1)
    x_train = torch.linspace(-3, 3, 100).reshape(-1, 1)
    with torch.no_grad():  # make one unit dead on the data: w = 0, b < 0
        model[0].weight[3] = 0.0
        model[0].bias[3] = -1.0
    d = model_details(model, x_plot, x_train, "ReLU", selected_unit=(0, 2))
    assert [w.shape for w, _b in d["weights"]] == [(10, 1), (1, 10)]
    assert d["hidden_units"] == 10 and d["dead_units"] >= 1
    with torch.no_grad():
        y = model(x_plot).reshape(-1).numpy()
        h2 = torch.relu(model[0](x_plot))[:, 2].numpy()
    np.testing.assert_allclose(d["pieces"].sum(axis=1) + d["output_bias"], y, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(d["unit_curve"], h2)
    assert model_details(model, x_plot, x_train, "Tanh")["dead_units"] is None
