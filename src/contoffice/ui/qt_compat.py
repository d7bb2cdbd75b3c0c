"""Work-arounds for the pinned Qt binding, each checked at import so a fixed release is a no-op.

PySide6 6.12.0: `SignalInstance.emit()` returns True without owning a reference,
so every emit from Python takes one reference from `True`; after enough emits
the interpreter aborts ("bool_dealloc") at exit. `emit()` gives the reference back.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    fired = Signal()


def _emit_loses_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(10):
        probe.fired.emit()
    return sys.getrefcount(True) < before - 5


EMIT_LOSES_REFERENCE = _emit_loses_a_reference()
if EMIT_LOSES_REFERENCE:  # give back the ten references the probe took
    for _ in range(10):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`, without the 6.12.0 reference loss."""
    result = signal.emit(*args)
    if EMIT_LOSES_REFERENCE and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))
