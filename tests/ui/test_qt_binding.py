"""The pinned Qt binding keeps Python's singletons' reference counts (6.12.0 did not)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel


class _Emitter(QObject):
    fired = Signal(int)


def test_void_calls_and_emits_do_not_leak_singleton_references(qapp: QApplication) -> None:
    label, emitter = QLabel(), _Emitter()
    emitter.fired.connect(lambda _value: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(2_000):
        label.setText("x")
        emitter.fired.emit(i)
        qapp.processEvents()
    # A healthy binding moves these by a handful; the broken one took 2 per iteration.
    assert sys.getrefcount(None) > none_before - 100
    assert sys.getrefcount(True) > true_before - 100
