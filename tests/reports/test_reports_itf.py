"""ITF geometry: 44 digits, 405 modules, exactly 103 mm × 13 mm."""

from __future__ import annotations

import re

import pytest
from barcode.itf import ITF
from reportlab.lib.units import mm

from contoffice.reports.itf import BARCODE_HEIGHT, NARROW, itf_ops, itf_runs
from tests.reports.samples import VECTORS

CODE = VECTORS[0][0]


def test_runs_match_python_barcode_pattern() -> None:
    raw = ITF(CODE, narrow=1, wide=3).build()[0]
    expanded = "".join(("1" if i % 2 == 0 else "0") * n for i, n in enumerate(itf_runs(CODE)))
    assert expanded == raw
    assert len(raw) == 405


def test_symbol_is_103_by_13_mm() -> None:
    ops = itf_ops(CODE, 0, 0)
    bars = [
        (float(x), float(w), float(h))
        for x, w, h in re.findall(r"([\d.]+) 0 ([\d.]+) ([\d.]+) re", ops)
    ]
    assert len(bars) == 2 + 22 * 5 + 2
    left = bars[0][0]
    right = bars[-1][0] + bars[-1][1]
    assert right - left == pytest.approx(103 * mm, abs=0.01)
    assert all(h == pytest.approx(13 * mm, abs=0.01) for _, _, h in bars)
    assert pytest.approx(0.2543 * mm, abs=0.0005) == NARROW
    assert pytest.approx(13 * mm) == BARCODE_HEIGHT


@pytest.mark.parametrize("bad", ["", "123", "x" * 44, "1" * 45])
def test_rejects_anything_but_44_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        itf_ops(bad, 0, 0)
