"""Torch's one-off imports run with the cyclic GC paused and what exists then is frozen (runtime.py)."""

import gc

from playground.core.curve.config import CurveConfig
from playground.core.curve.job import CurveJob
from playground.core.training.runtime import first_import_of, gc_paused_for_imports


def test_the_pause_freezes_what_exists_and_turns_the_collector_back_on():
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with gc_paused_for_imports():
        assert not gc.isenabled()
        made = [[i] for i in range(1000)]  # tracked objects made during the "imports"
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + len(made)


def test_a_collector_turned_off_by_someone_else_stays_off_and_nothing_is_frozen():
    gc.disable()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused_for_imports():
            pass
        assert not gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.enable()


def test_a_module_already_imported_pauses_nothing():
    with first_import_of("gc"):
        assert gc.isenabled()


def test_a_rebuilt_job_leaves_no_cyclic_garbage():
    """Why freezing the first job is safe: what a rebuild drops is freed by reference counting alone."""
    job = CurveJob(CurveConfig(hidden_width=4))
    job.warm_up()
    for _ in range(3):
        job.step()
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        job.reset()
        assert gc.collect() == 0, [type(o).__name__ for o in gc.garbage[:10]]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
