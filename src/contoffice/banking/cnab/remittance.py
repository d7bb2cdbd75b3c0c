"""Remittance (remessa) files: the boletos a bank is asked to register, CNAB 400."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from contoffice.banking.cnab import errors
from contoffice.banking.cnab.banks.registry import CNAB400
from contoffice.banking.cnab.engine import fit_line, read_record, split_lines, write_record
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import BankLayout, Record, Value


@dataclass(frozen=True)
class RemittanceItem:
    """One boleto to register; amounts in integer cents, documents as digits."""

    nosso_numero: str
    document_number: str
    due_date: date
    amount_cents: int
    payer_name: str
    payer_document: str
    payer_street: str = ""
    payer_district: str = ""
    payer_city: str = ""
    payer_state: str = ""
    payer_cep: str = ""
    nosso_numero_dv: str = ""
    issue_date: date | None = None
    instruction1: str = ""
    instruction2: str = ""
    interest_per_day_cents: int = 0
    occurrence: str = "01"


@dataclass(frozen=True)
class RemittanceFile:
    """A remittance read back: the bank and each record's fields."""

    bank: str
    header: Mapping[str, Value]
    details: tuple[Mapping[str, Value], ...]
    trailer: Mapping[str, Value] = field(default_factory=dict)


def _layout(bank: str) -> BankLayout:
    """The CNAB 400 layout of a bank code."""
    layout = CNAB400.get(bank)
    if layout is None:
        raise CnabError(0, errors.UNKNOWN_REMITTANCE_BANK.format(code=bank))
    return layout


def _only(record: Record, values: Mapping[str, Value]) -> dict[str, Value]:
    """The values a record has a field for."""
    return {k: v for k, v in values.items() if k in record.by_name}


def _item_values(item: RemittanceItem, issued: date) -> dict[str, Value]:
    """An item under the field names every bank's detail record shares."""
    document = "".join(c for c in item.payer_document if c.isalnum())
    return {
        "nosso_numero": item.nosso_numero,
        "nosso_numero_dv": item.nosso_numero_dv,
        "ocorrencia": item.occurrence,
        "numero_documento": item.document_number,
        "uso_empresa": item.document_number,
        "vencimento": item.due_date,
        "valor": item.amount_cents,
        "emissao": item.issue_date or issued,
        "instrucao1": item.instruction1,
        "instrucao2": item.instruction2,
        "juros_dia": item.interest_per_day_cents,
        "pagador_tipo_inscricao": "01" if len(document) <= 11 else "02",
        "pagador_documento": document,
        "pagador_nome": item.payer_name,
        "pagador_endereco": item.payer_street,
        "pagador_bairro": item.payer_district,
        "pagador_cidade": item.payer_city,
        "pagador_uf": item.payer_state,
        "pagador_cep": "".join(c for c in item.payer_cep if c.isdigit()),
    }


def write_remittance(
    bank: str,
    profile_fields: Mapping[str, Value],
    sequence_number: int,
    items: Sequence[RemittanceItem],
    generated_on: date | None = None,
) -> bytes:
    """The bytes of a CNAB 400 remittance: CRLF lines of exactly 400 ASCII columns."""
    layout = _layout(bank)
    header, detail, trailer = (
        layout.remittance_header,
        layout.remittance_detail,
        layout.remittance_trailer,
    )
    unknown = set(profile_fields) - set(header.by_name) - set(detail.by_name)
    if unknown:
        raise KeyError(f"campos de perfil desconhecidos para {bank}: {sorted(unknown)}")
    today = generated_on or date.today()
    head = {
        **_only(header, profile_fields),
        "data_geracao": today,
        "sequencial_remessa": sequence_number,
        "sequencial": 1,
    }
    lines = [write_record(header, _only(header, head), 1)]
    for item in items:
        number = len(lines) + 1
        values = {**_only(detail, profile_fields), **_only(detail, _item_values(item, today))}
        values["sequencial"] = number
        lines.append(write_record(detail, values, number))
    # CNAB 400 trailers of these banks carry only their sequence, which is the count.
    lines.append(write_record(trailer, {"sequencial": len(lines) + 1}, len(lines) + 1))
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def read_remittance(data: bytes) -> RemittanceFile:
    """A remittance read back with its own layout (for checks and tests)."""
    lines = split_lines(data)
    if not lines:
        raise CnabError(1, errors.EMPTY_FILE)
    layout = _layout(fit_line(lines[0], 400, 1)[76:79])
    records = [fit_line(line, layout.width, n) for n, line in enumerate(lines, start=1)]
    head = read_record(layout.remittance_header, records[0], 1)
    details: list[Mapping[str, Value]] = []
    tail: Mapping[str, Value] = {}
    for n, line in enumerate(records[1:], start=2):
        if tail:
            raise CnabError(n, errors.AFTER_TRAILER)
        if line[0] == "1":
            details.append(read_record(layout.remittance_detail, line, n))
        elif line[0] == "9":
            tail = read_record(layout.remittance_trailer, line, n)
        else:
            raise CnabError(n, errors.UNKNOWN_RECORD.format(kind=line[0]))
    if not tail:
        raise CnabError(len(lines), errors.NO_TRAILER)
    return RemittanceFile(layout.code, head, tuple(details), tail)
