"""TaskThread: one core function on a QThread; its result or its exception arrives on the GUI thread."""

from playground.workers.task_thread import TaskThread


def test_a_task_reports_its_result_then_its_thread_ends(qtbot):
    got = []
    task = TaskThread(lambda: 41 + 1)
    task.done.connect(got.append)
    task.start()
    qtbot.waitUntil(lambda: got == [42], timeout=60_000)
    assert task.stop() and not task.is_running()


def test_a_tasks_exception_arrives_as_a_worker_error(qtbot):
    def broken():
        raise OSError("disk gone")

    errors, results = [], []
    task = TaskThread(broken)
    task.failed.connect(errors.append)
    task.done.connect(results.append)
    task.start()
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=60_000)
    assert task.stop()
    assert (errors[0].type_name, errors[0].message, results) == ("OSError", "disk gone", [])
    assert "broken" in errors[0].traceback
