"""The banks whose CNAB 400 files are known, by their three-digit code."""

from __future__ import annotations

from contoffice.banking.cnab.banks import bradesco400, itau400
from contoffice.banking.cnab.layout import BankLayout

CNAB400: dict[str, BankLayout] = {
    itau400.LAYOUT.code: itau400.LAYOUT,
    bradesco400.LAYOUT.code: bradesco400.LAYOUT,
}
