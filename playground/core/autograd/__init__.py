"""The Autograd lab's core: named-scalar programs, the torch graph they build, and how to show it.

No Qt here. torch is imported inside functions (the window starts without it):
``program`` parses, ``graph`` builds the torch graph and reads it back,
``walkthrough`` steps through forward and backward, ``layout`` places the nodes,
``snippet`` writes the same computation as PyTorch code, ``network_grad`` takes
one data point's loss gradient for a Curve-lab network.
"""
