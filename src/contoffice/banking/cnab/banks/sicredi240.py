"""Sicredi (748) CNAB 240: the FEBRABAN frame as is; nosso número yy+byte+seq+DV."""

from __future__ import annotations

from contoffice.banking.cnab.bank240 import bank240

LAYOUT_240 = bank240(
    "748", "Sicredi", "SICREDI", ("081", "040"), nosso_numero_with_dv=True
)
