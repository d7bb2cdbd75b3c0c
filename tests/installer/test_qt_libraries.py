"""The libraries Qt's window plugin needs are installed (`make run` installs them)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import PySide6
import pytest

QT = Path(PySide6.__file__).parent / "Qt"


def _plugins() -> list[Path]:
    return [QT / "plugins" / "platforms" / "libqxcb.so", QT / "lib" / "libQt6XcbQpa.so.6",
            *sorted((QT / "plugins" / "xcbglintegrations").glob("*.so"))]


@pytest.mark.skipif(shutil.which("ldd") is None, reason="ldd (Linux) only")
def test_nothing_the_xcb_window_plugin_links_is_missing() -> None:
    missing = set()
    for library in _plugins():
        assert library.exists(), library
        out = subprocess.run(["ldd", str(library)], capture_output=True, text=True,
                             check=True).stdout
        missing |= {line.split()[0] for line in out.splitlines() if "not found" in line}
    assert missing == set(), f"make run must install: {sorted(missing)}"
