"""Work-arounds for the pinned Qt binding, each checked at import so a fixed release is a no-op.

PySide6 6.12.0 on CPython 3.11: calls that return None (every void method:
`setText`, `processEvents`, a slot returning nothing…) and `SignalInstance.emit()`
(which returns True) hand back the singleton without owning a reference. Each
call takes one reference from None/True; after enough calls the interpreter
aborts ("none_dealloc"/"bool_dealloc"), in a long session even before exit.
CPython 3.12 made these singletons immortal, which is the real fix; until the
project moves there (or the binding is fixed) we give them the same immortality
by adding a large headroom to their reference counts, once, at import.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

HEADROOM = 1 << 40  # a void call per nanosecond would need 12 days to use it up


class _Probe(QObject):
    fired = Signal()


def _binding_loses_references() -> bool:
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(50):
        probe.setObjectName("probe")
        probe.fired.emit()
    return (sys.getrefcount(None) < none_before - 25
            or sys.getrefcount(True) < true_before - 25)


def _pin(singleton: object) -> None:
    # ob_refcnt is the first field of every PyObject in CPython 3.11.
    ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM


BINDING_LOSES_REFERENCES = sys.version_info < (3, 12) and _binding_loses_references()
if BINDING_LOSES_REFERENCES:
    for _singleton in (None, True, False):
        _pin(_singleton)


def emit(signal: Any, *args: Any) -> None:
    """Emit a signal from Python (one place to adapt if the binding needs it again)."""
    signal.emit(*args)
