"""The office's account, a boleto and a return entry under the field names layouts share."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TypeVar

from contoffice.banking.cnab import errors
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import FieldKind, Record, Value
from contoffice.banking.cnab.model import Beneficiary, Command, RemittanceItem

T = TypeVar("T")

# A CNAB 240 lot numbers its details in five digits.
MAX_LOT_DETAILS = 99_999


def lot_chunks(items: Sequence[T], segments: int) -> list[Sequence[T]]:
    """`items` cut into CNAB 240 lots of at most 99,999 details (`segments` per item);
    an empty file still has its one, empty, lot."""
    size = MAX_LOT_DETAILS // segments
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def beneficiary_values(fields: Mapping[str, str], beneficiary: Beneficiary) -> dict[str, Value]:
    """The layout's field name -> the beneficiary's value, through `beneficiary_fields`."""
    source = beneficiary.values()
    return {name: source[key] for name, key in fields.items()}


def only(record: Record, values: Mapping[str, Value]) -> dict[str, Value]:
    """The values `record` has a field for; a zero-padded number narrowed to its field
    ("02" into a one-digit inscription kind) loses only its leading zeros."""
    chosen: dict[str, Value] = {}
    for name, value in values.items():
        f = record.by_name.get(name)
        if f is None:
            continue
        if f.kind is FieldKind.NUMERIC and isinstance(value, str) and len(value) > f.length:
            value = value.lstrip("0") or "0"
        chosen[name] = value
    return chosen


def command_code(
    commands: Mapping[Command, str], command: Command, bank: str, width: int, line: int
) -> str:
    """The bank's code of a remittance command; a command it lacks is refused."""
    code = commands.get(command)
    if code is None:
        raise CnabError(
            line, errors.UNKNOWN_COMMAND.format(code=bank, command=command.value, width=width)
        )
    return code


def digits(text: str) -> str:
    """Only the digits of a document or CEP (letters kept for an alphanumeric CNPJ)."""
    return "".join(c for c in text if c.isalnum()).upper()


def item_values(item: RemittanceItem, issued: date, occurrence: str) -> dict[str, Value]:
    """A boleto under the field names every bank's remittance records share."""
    document = digits(item.payer_document)
    fine = item.fine_bp > 0
    return {
        "nosso_numero": item.nosso_numero,
        "nosso_numero_dv": item.nosso_numero_dv,
        "ocorrencia": occurrence,
        "numero_documento": item.document_number,
        "uso_empresa": item.document_number,
        "vencimento": item.due_date,
        "valor": item.amount_cents,
        "emissao": item.issue_date or issued,
        "instrucao1": item.instruction1,
        "instrucao2": item.instruction2,
        # CNAB 240: 1 = value per day, 3 = exempt; 400 layouts write the amount only.
        "juros_codigo": "1" if item.interest_per_day_cents else "3",
        "juros_dia": item.interest_per_day_cents,
        # Bradesco 400: 2 = percentage; CNAB 240 segment R: 2 = percentage, from the
        # day after the due date.
        "multa_tipo": "2" if fine else "0",
        "multa_codigo": "2" if fine else "0",
        "multa_data": item.due_date + timedelta(days=1) if fine else None,
        "multa_percentual": item.fine_bp,
        # Santander 400: 4 = fine (its percentage at multa_percentual), 0 = none.
        "codigo_multa": "4" if fine else "0",
        # Banrisul 400: the percentage with one decimal (020 is 2,0 %).
        "multa_decimos": item.fine_bp // 10 if fine else 0,
        "desconto_codigo": "1" if item.discount_cents else "0",
        "desconto": item.discount_cents,
        "desconto_ate": item.discount_until if item.discount_cents else None,
        # CNAB 240: 1 = protest after N calendar days, 3 = do not protest.
        "protesto_codigo": "1" if item.protest_days else "3",
        "prazo_protesto": item.protest_days,
        "pagador_tipo_inscricao": "01" if len(document) <= 11 else "02",
        "pagador_documento": document,
        "pagador_nome": item.payer_name,
        "pagador_endereco": item.payer_street,
        "pagador_bairro": item.payer_district,
        "pagador_cidade": item.payer_city,
        "pagador_uf": item.payer_state,
        "pagador_cep": "".join(c for c in item.payer_cep if c.isdigit()),
    }
