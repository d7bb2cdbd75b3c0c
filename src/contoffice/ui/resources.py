"""Files under resources/ (style sheet, icons), found from source and from a frozen app."""

from __future__ import annotations

import sys
from pathlib import Path


def path(name: str) -> Path:
    """The path of a file in resources/."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources" / name
    return Path(__file__).resolve().parents[3] / "resources" / name


def style_sheet() -> str:
    """The one style sheet of the window ("" when missing)."""
    try:
        return path("style.qss").read_text(encoding="utf-8")
    except OSError:
        return ""
