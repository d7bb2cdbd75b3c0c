"""One bank's CNAB 240 cobrança layout: the FEBRABAN frame with the bank's differences put in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from contoffice.banking.cnab.layout import Occurrence, Record
from contoffice.banking.cnab.model import Command

# The trailer checks a bank's returns keep (its sample files say which ones it fills).
LOT_RECORDS = "lot_records"  # lot trailer 18-23: the lot's lines, header and trailer included
LOT_TITLES = "lot_titles"  # lot trailer 24-46: titles in simple collection and their sum
FILE_LOTS = "file_lots"  # file trailer 18-23: lots in the file
FILE_RECORDS = "file_records"  # file trailer 24-29: every line of the file
ALL_CHECKS = frozenset({LOT_RECORDS, LOT_TITLES, FILE_LOTS, FILE_RECORDS})


@dataclass(frozen=True)
class Layout240:
    """Everything one bank's CNAB 240 cobrança files need.

    Records use the field names the readers and writers share: segment P/T nosso_numero,
    numero_documento, carteira, ocorrencia, vencimento, valor (P) / valor_titulo (T), tarifa,
    motivos; U juros, desconto, abatimento, valor_pago, data_ocorrencia, data_credito;
    headers convenio, agencia, conta, data_geracao; trailers quantidade_registros,
    quantidade_titulos, valor_titulos, quantidade_lotes.
    """

    code: str
    name: str
    file_header: Record
    lot_header: Record
    segment_p: Record
    segment_q: Record
    segment_r: Record
    lot_trailer: Record
    file_trailer: Record
    return_file_header: Record
    return_lot_header: Record
    segment_t: Record
    segment_u: Record
    occurrences: Mapping[str, Occurrence]
    commands: Mapping[Command, str]
    beneficiary_fields: Mapping[str, str]
    file_version: str
    lot_version: str
    file_bank_name: str  # what the file header says at 103-132
    checks: frozenset[str] = ALL_CHECKS
    # The bank's nosso número field holds the check digit too (Santander, Sicoob, Sicredi).
    nosso_numero_with_dv: bool = False
    # The bank's remittances as another bank's correspondent (Sicoob through BB): one lot
    # without file header or trailer, its own positions; read back only.
    correspondent: Layout240 | None = None
    reasons_width: int = 2
    width: int = field(default=240, init=False)

    def occurrence(self, code: str) -> Occurrence:
        """The normalised kind of a raw movement code (OUTROS when not in the table)."""
        return self.occurrences.get(code, Occurrence.OUTROS)
