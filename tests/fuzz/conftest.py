"""The fuzz suite: Hypothesis mutates valid files into hostile ones. Each test's example count is
sized so that the whole suite stays within ~40 s on an idle 2-core machine (it runs in CI)."""

import signal

import pytest

HANG_S = 60  # one example running this long is a hang (a FIFO read, a decompression without end...)


@pytest.fixture(autouse=True)
def fail_on_hang():
    """A hang fails the test instead of stalling CI (POSIX; elsewhere the CI timeout does it)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def hung(signum, frame):
        raise TimeoutError(f"an example ran longer than {HANG_S} s: a hang")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, HANG_S * 10)  # the whole test; examples are far shorter
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

