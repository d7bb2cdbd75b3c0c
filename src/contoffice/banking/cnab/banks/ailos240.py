"""Ailos (085) CNAB 240: read and written through the FEBRABAN frame as is."""

from __future__ import annotations

from contoffice.banking.cnab.bank240 import bank240
from contoffice.banking.cnab.layout240 import FILE_LOTS, FILE_RECORDS, LOT_RECORDS

LAYOUT_240 = bank240(
    "085", "Ailos", "AILOS", ("087", "045"),
    # The sample return leaves the lot's title totals at zero.
    checks=frozenset({LOT_RECORDS, FILE_LOTS, FILE_RECORDS}),
)
