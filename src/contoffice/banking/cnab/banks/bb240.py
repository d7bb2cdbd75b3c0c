"""Banco do Brasil (001) CNAB 240: the convênio split in the headers, 17-digit nosso número."""

from __future__ import annotations

from contoffice.banking.cnab.bank240 import bank240
from contoffice.banking.cnab.layout import Field, alpha, num
from contoffice.banking.cnab.layout240 import FILE_LOTS, FILE_RECORDS, LOT_RECORDS
from contoffice.banking.cnab.model import Command


def _agreement(start: int) -> tuple[Field, ...]:
    """Convênio 9, "0014" (cobrança), carteira 2, variação 3, blanks 2: 20 columns."""
    return (
        num("convenio", start, start + 8),
        num("cobranca", start + 9, start + 12, "0014"),
        num("carteira_convenio", start + 13, start + 14),
        num("variacao", start + 15, start + 17),
        alpha("reservado_convenio", start + 18, start + 19),
    )


LAYOUT_240 = bank240(
    "001", "Banco do Brasil", "BANCO DO BRASIL S.A.", ("083", "042"),
    file_header=_agreement(33),
    lot_header=_agreement(34),
    # 58: the FEBRABAN carteira code (7: simples com registro), not the convênio's carteira.
    p=(num("carteira", 58, 58, "7"),),
    # §4.5: the codes the BB remittance table lists.
    commands={
        Command.REGISTER: "01",
        Command.WRITE_OFF: "02",
        Command.CHANGE_DUE_DATE: "06",
        Command.PROTEST: "09",
    },
    beneficiary_fields={"carteira": "", "carteira_convenio": "wallet", "variacao": "variation"},
    # The sample return leaves the lot's title totals at zero.
    checks=frozenset({LOT_RECORDS, FILE_LOTS, FILE_RECORDS}),
)
