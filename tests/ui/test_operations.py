"""The operation runner: result on the GUI thread, progress after 500 ms, cancel, one error."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from contoffice.core.progress import Progress, check_cancelled
from contoffice.errors import NotAllowed
from contoffice.ui import operations, texts
from contoffice.ui.operations import Operation


@pytest.fixture
def parent(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_result_arrives_on_the_gui_thread(qtbot: Any, parent: QWidget) -> None:
    seen: list[tuple[int, bool]] = []
    main = threading.get_ident()
    op = Operation(parent, lambda _p: threading.get_ident(), title="t")
    op.on_success(lambda worker: seen.append((worker, threading.get_ident() == main)))
    with qtbot.waitSignal(op.finished, timeout=5000):
        assert op.run()
    assert seen and seen[0][0] != main and seen[0][1]
    assert op.dialog is None  # quick jobs show no dialog


def test_slow_job_shows_progress_and_cancel_stops_it(qtbot: Any, parent: QWidget) -> None:
    def job(progress: Progress) -> int:
        for i in range(1000):
            progress.step(i, 1000, "Exportando")
            check_cancelled(progress)
            time.sleep(0.005)
        return 1000

    op = Operation(parent, job, title="lento")
    op.run()
    assert not Operation(parent, job, title="lento").run()  # not twice at once
    qtbot.waitUntil(lambda: op.dialog is not None, timeout=3000)
    assert op.dialog.windowTitle() == "lento"
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.dialog.canceled.emit()
    assert op.result is None and type(op.error).__name__ == "Cancelled"


def test_one_error_dialog_with_the_services_message(qtbot: Any, parent: QWidget,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(operations.QMessageBox, "warning",
                        lambda _p, _t, text: shown.append(text))

    def refuse(_p: Progress) -> None:
        raise NotAllowed("A Fatura 7 já está liquidada")

    def crash(_p: Progress) -> None:
        raise RuntimeError("boom")

    for fn in (refuse, crash):
        op = Operation(parent, fn, title=fn.__name__)
        with qtbot.waitSignal(op.finished, timeout=5000):
            op.run()
    assert shown == ["A Fatura 7 já está liquidada", texts.UNEXPECTED]
