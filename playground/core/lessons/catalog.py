"""Lessons: each example of the study notes, with its exact settings and a short explanation.

A lesson names the tab (lab key in ``ui/labs.py``) that shows it, the settings
that tab loads, and what to watch and what to try next, in English and Chinese.
The UI picks the text for the current language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from playground.core.autograd.config import NOTES_NEURON, NOTES_QUADRATIC
from playground.core.config import from_dict, to_dict
from playground.core.curve.config import CurveConfig, notes_preset
from playground.core.gradient_descent.descent import FUNCTIONS, GDSetup
from playground.core.linear.regression import LinearSetup, notes_setup as linear_notes_setup
from playground.core.text import user_text


@dataclass(frozen=True)
class Lesson:
    key: str
    tab: str
    settings: dict[str, Any]
    title: dict[str, str]
    text: dict[str, str] = field(default_factory=dict)

    def title_in(self, language: str) -> str:
        return self.title.get(language, self.title["en"])

    def text_in(self, language: str) -> str:
        return self.text.get(language, self.text["en"])


# Every lesson's text is three paragraphs, each led by its heading.
HEADINGS = {"en": ("Setup (as in the notes):", "Watch:", "Try next:"),
            "zh": ("设置（与笔记相同）：", "观察：", "接下来试试：")}
AFTER_HEADING = {"en": " ", "zh": ""}


def _lesson(key: str, tab: str, settings: dict[str, Any], *, title: tuple[str, str], setup: tuple[str, str],
            watch: tuple[str, str], try_next: tuple[str, str]) -> Lesson:
    """A lesson from its (English, Chinese) title and paragraphs."""
    text = {}
    for i, language in enumerate(HEADINGS):
        paragraphs = (setup[i], watch[i], try_next[i])
        text[language] = "".join(f"<p><b>{heading}</b>{AFTER_HEADING[language]}{paragraph}</p>"
                                 for heading, paragraph in zip(HEADINGS[language], paragraphs))
    return Lesson(key, tab, settings, dict(zip(HEADINGS, title)), text)


LESSONS: list[Lesson] = [
    _lesson("linear_y2x", "linear", to_dict(linear_notes_setup()),
            title=("y = 2x with one nn.Linear(1, 1)", "用 nn.Linear(1, 1) 学习 y = 2x"),
            setup=("x = [1, 2, 3], y = [2, 4, 6], MSE loss, SGD with lr 0.01, 1000 steps.",
                   "x = [1, 2, 3]，y = [2, 4, 6]，均方误差损失，SGD，学习率 0.01，训练 1000 步。"),
            watch=("the loss falls at every step; w climbs towards 2 while b first rises, then slowly returns to "
                   "0. On the loss surface the path runs down a long, narrow valley: after 900 steps the notes "
                   "print w ≈ 1.91, b ≈ 0.20.",
                   "损失每一步都在下降；w 逐渐接近 2，b 先上升，然后慢慢回到 0。在损失曲面上，"
                   "优化路径沿着一条又长又窄的山谷前进：笔记中第 900 步时 w ≈ 1.91，b ≈ 0.20。"),
            try_next=("lr 0.05 (faster), lr 0.15 (the path zig-zags across the valley), lr 0.2 (diverges); another "
                      "seed starts from another point.",
                      "学习率 0.05（更快）、0.15（路径在山谷两侧来回振荡）、0.2（发散）；换一个随机种子，"
                      "就从另一个起点出发。")),
    _lesson("curve_x2", "curve", to_dict(notes_preset()),
            title=("y = x² with a 1-10-1 ReLU network", "用 1-10-1 的 ReLU 网络拟合 y = x²"),
            setup=("100 points of y = x² in [−3, 3]; one hidden layer of 10 ReLU units; MSE; Adam with lr 0.01; "
                   "2000 full-batch steps (MSE ≈ 0.005 at the end).",
                   "在 [−3, 3] 上取 y = x² 的 100 个点；一个含 10 个 ReLU 单元的隐藏层；均方误差；Adam，"
                   "学习率 0.01；全批量训练 2000 步（最后 MSE ≈ 0.005）。"),
            watch=("turn on <i>Line pieces</i>: each ReLU unit adds one bent line, and their sum is the network's "
                   "curve. The red ticks are the bends: a curve made of 10 line pieces. Outside [−3, 3] (shaded) "
                   "the network just continues in straight lines.",
                   "打开「Line pieces」：每个 ReLU 单元贡献一段折线，它们的和就是网络的曲线；"
                   "红色刻度是折点——曲线由 10 段直线拼成。在 [−3, 3] 之外（阴影区域），网络只是沿直线延伸。"),
            try_next=("width 3 (too few pieces), Tanh (smooth pieces), lr 0.1, or the network diagram to see which "
                      "units carry the most weight.",
                      "宽度 3（折线太少）、Tanh（平滑的片段）、学习率 0.1，或打开网络结构图，看哪些单元的权重最大。")),
    _lesson("gd_x2", "gd", {"function": "x2", "start": [5.0], "lr": 0.1, "momentum": 0.0},
            title=("Gradient descent on y = x²", "在 y = x² 上做梯度下降"),
            setup=("find the minimum of y = x² from x = 5 with learning rate 0.1: x ← x − 0.1 · 2x = 0.8 · x.",
                   "从 x = 5 出发、学习率 0.1，寻找 y = x² 的最小值：x ← x − 0.1 · 2x = 0.8 · x。"),
            watch=("every step shrinks x by the same factor 0.8, so the steps get shorter as the slope flattens; "
                   "|x| &lt; 0.01 after 28 steps. The table lists step, x, gradient and the new x.",
                   "每一步 x 都乘以 0.8，坡度越平步子越小；28 步后 |x| &lt; 0.01。表格列出步数、x、梯度和新的 x。"),
            try_next=("lr 0.5 (one step to 0), lr 0.9 (x jumps from side to side), lr 1.1 (diverges), x⁴ − 3x² "
                      "from x = 0.5 and from x = −0.5 (two different minima), momentum 0.9.",
                      "学习率 0.5（一步到 0）、0.9（x 在两侧来回跳）、1.1（发散）；"
                      "x⁴ − 3x² 分别从 x = 0.5 和 x = −0.5 出发（落到两个不同的极小值）；动量 0.9。")),
    _lesson("mnist_mlp", "mnist", {"model": "mlp"},
            title=("MNIST with an MLP (784-128-10)", "用 MLP（784-128-10）识别 MNIST"),
            setup=("28×28 images flattened to 784 inputs, normalised with (x − 0.1307)/0.3081, one hidden layer of "
                   "128 ReLU units, 10 outputs, cross-entropy.",
                   "28×28 的图像展平成 784 个输入，用 (x − 0.1307)/0.3081 归一化，一个 128 个 ReLU 单元的隐藏层，"
                   "10 个输出，交叉熵损失。"),
            watch=("the test accuracy passes 90 % within an epoch or two.", "一两个 epoch 内测试准确率就超过 90%。"),
            try_next=("draw your own digits; compare with the CNN lesson.", "自己手写数字；和 CNN 那一课比较。")),
    _lesson("mnist_cnn", "mnist", {"model": "cnn"},
            title=("MNIST with a small CNN", "用小型 CNN 识别 MNIST"),
            setup=("two convolution + pooling blocks, then a linear layer to 10 classes.",
                   "两个卷积 + 池化模块，再接一个输出 10 类的全连接层。"),
            watch=("it learns more slowly per step than the MLP but reaches a higher accuracy, and reads drawn digits better.",
                   "每一步比 MLP 慢，但准确率更高，对手写数字的识别也更好。"),
            try_next=("draw shifted or slanted digits.", "写一些偏移或倾斜的数字。")),
    _lesson("autograd_quadratic", "autograd", {"program": NOTES_QUADRATIC, "frozen": ""},
            title=("Autograd: y = x² + 3x + 1 at x = 2", "自动求导：x = 2 时的 y = x² + 3x + 1"),
            setup=("x = torch.tensor(2.0, requires_grad=True); y = x**2 + 3*x + 1; y.backward().",
                   "x = torch.tensor(2.0, requires_grad=True)；y = x**2 + 3*x + 1；y.backward()。"),
            watch=("press Space to compute the graph node by node: y = 11. Keep pressing: backward runs from y to "
                   "x, each edge shows its local derivative (4 through x², 3 through 3x) and x collects their sum, "
                   "dy/dx = 2x + 3 = 7. The names under each node (PowBackward0, MulBackward0, AddBackward0) are "
                   "torch's own.",
                   "按空格键逐个节点计算：y = 11。继续按：反向传播从 y 走到 x，"
                   "每条边显示它的局部导数（经过 x² 的是 4，经过 3x 的是 3），x 收集它们的和：dy/dx = 2x + 3 = 7。"
                   "节点下方的名字（PowBackward0、MulBackward0、AddBackward0）是 torch 自己的。"),
            try_next=("press Backward again without Zero grad: x.grad becomes 14, because backward adds to .grad. "
                      "Move the slider of x; untick requires_grad and the graph greys out.",
                      "不清零再按一次「反向传播」：x.grad 变成 14，因为 backward 会累加到 .grad。拖动 x 的滑块；"
                      "取消 requires_grad，计算图就变灰。")),
    _lesson("autograd_neuron", "autograd", {"program": NOTES_NEURON, "frozen": "x"},
            title=("Autograd: one neuron, w = 1, b = 0.5", "自动求导：一个神经元，w = 1，b = 0.5"),
            setup=("w = 1 and b = 0.5 with requires_grad, input x = 2, target 3: y = w·x + b = 2.5, loss = (y − "
                   "3)² = 0.25.",
                   "w = 1、b = 0.5 需要梯度，输入 x = 2，目标 3：y = w·x + b = 2.5，loss = (y − 3)² = 0.25。"),
            watch=("backward gives ∂loss/∂w = ∂loss/∂y · ∂y/∂w = 2(y − 3) · x = −2 and ∂loss/∂b = −1; click a node "
                   "to see its chain rule. x is data (requires_grad off), so it gets no gradient.",
                   "反向传播得到 ∂loss/∂w = ∂loss/∂y · ∂y/∂w = 2(y − 3) · x = −2，∂loss/∂b = −1；"
                   "点击节点可看到它的链式法则。x 是数据（关闭 requires_grad），所以没有梯度。"),
            try_next=("Step under no_grad moves w and b against their gradients and the loss falls; <i>And without "
                      "no_grad?</i> shows what goes wrong without it. Press Backward again before Zero grad and "
                      "the old gradient is still added in.",
                      "「在 no_grad 下更新一步」让 w 和 b 沿梯度反方向移动，损失随之下降；"
                      "「如果不用 no_grad 呢？」说明不用它会出什么问题。不清零就再按一次「反向传播」，"
                      "旧的梯度还会被加进去。")),
]


def lesson(key: str) -> Lesson:
    for item in LESSONS:
        if item.key == key:
            return item
    raise KeyError(f"unknown lesson {key!r}")


def typed_settings(item: Lesson) -> tuple[Any, list[str]]:
    """The lesson's settings as the object its tab loads (CurveConfig, GDSetup, LinearSetup; else the dict)."""
    if item.tab == "curve":
        return from_dict(CurveConfig, item.settings)
    if item.tab == "linear":
        return from_dict(LinearSetup, item.settings)
    if item.tab == "gd":
        s = item.settings
        fn = s.get("function", "x2")
        if fn not in FUNCTIONS:
            return GDSetup(), [user_text("unknown function {name}; using the default", name=repr(fn))]
        return GDSetup(fn, tuple(float(v) for v in s.get("start", FUNCTIONS[fn].default_start)),
                       float(s.get("lr", 0.1)), float(s.get("momentum", 0.0))), []
    return dict(item.settings), []
