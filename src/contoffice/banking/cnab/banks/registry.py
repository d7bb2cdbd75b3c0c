"""The banks whose CNAB files are known, by format and three-digit code.

Every module of this package that defines `LAYOUT` (CNAB 400) or `LAYOUT_240` is a
bank; adding a bank is adding its module.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from contoffice.banking.cnab import banks


def _collect(attribute: str) -> dict[str, Any]:
    """The layouts named `attribute` in this package's modules, keyed by bank code."""
    found: dict[str, Any] = {}
    for info in sorted(pkgutil.iter_modules(banks.__path__), key=lambda i: i.name):
        if info.name == "registry":
            continue
        module = importlib.import_module(f"{banks.__name__}.{info.name}")
        layout = getattr(module, attribute, None)
        if layout is not None:
            if layout.code in found:
                raise ValueError(f"{attribute} {layout.code} declarado duas vezes")
            found[layout.code] = layout
    return found


CNAB400: dict[str, Any] = _collect("LAYOUT")
CNAB240: dict[str, Any] = _collect("LAYOUT_240")
