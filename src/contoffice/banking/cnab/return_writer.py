"""Return files as the bank would send them, for tests and the benchmark (CNAB 400, 240)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from contoffice.banking.cnab import errors
from contoffice.banking.cnab.banks.registry import CNAB240, CNAB400
from contoffice.banking.cnab.engine import write_record
from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.layout import BankLayout, Record, Value
from contoffice.banking.cnab.layout240 import Layout240
from contoffice.banking.cnab.model import Beneficiary, ReturnEntry
from contoffice.banking.cnab.values import beneficiary_values, lot_chunks, only


def _entry_values(entry: ReturnEntry) -> dict[str, Value]:
    """An entry under the field names the return readers know."""
    return {
        "nosso_numero": entry.nosso_numero,
        "numero_documento": entry.document_number,
        "ocorrencia": entry.occurrence_code,
        "data_ocorrencia": entry.occurrence_date,
        "vencimento": entry.due_date,
        "valor_titulo": entry.face_value,
        "valor_pago": entry.paid,
        "juros": entry.interest,
        "desconto": entry.discount,
        "abatimento": entry.rebate,
        "tarifa": entry.fee,
        "data_credito": entry.credit_date,
        # Sicredi: year first, a digit field.
        "data_credito_aaaammdd": entry.credit_date.strftime("%Y%m%d") if entry.credit_date
        else "",
        "motivos": "".join(entry.reasons),
    }


def _line(record: Record, values: Mapping[str, Value], number: int, **frame: Value) -> str:
    """One line from the values its record has a field for."""
    return write_record(record, {**only(record, values), **only(record, frame)}, number)


def _write400(layout: BankLayout, beneficiary: Beneficiary, entries: Sequence[ReturnEntry],
              generated_on: date, sequence_number: int) -> list[str]:
    """The lines of a CNAB 400 return."""
    account = beneficiary_values(layout.beneficiary_fields, beneficiary)
    lines = [_line(layout.return_header, account, 1, literal_retorno="RETORNO", servico="01",
                   literal_servico="COBRANCA", banco=layout.header_code or layout.code,
                   banco_nome=layout.name, data_geracao=generated_on,
                   sequencial_retorno=sequence_number, aviso_bancario=sequence_number,
                   sequencial=1)]
    detail = layout.return_detail
    base = only(detail, account)
    details: list[dict[str, Value]] = []
    for entry in entries:
        mine = {k: v for k, v in _entry_values(entry).items() if k in detail.by_name}
        details.append({**base, **mine, "sequencial": len(lines) + 1})
        lines.append(write_record(detail, details[-1], len(lines) + 1))
    totals: dict[str, Value] = {}
    for check in layout.trailer_checks:
        codes = check.occurrences
        chosen = [d for d in details if codes is None or d.get("ocorrencia") in codes]
        amount = check.amount_field
        totals[check.trailer_field] = (
            len(chosen) if amount is None else sum(int(d.get(amount) or 0) for d in chosen)  # type: ignore[call-overload]
        )
    lines.append(_line(layout.return_trailer, totals, len(lines) + 1, banco=layout.code,
                       sequencial=len(lines) + 1))
    return lines


def _write240(layout: Layout240, beneficiary: Beneficiary, entries: Sequence[ReturnEntry],
              generated_on: date, sequence_number: int) -> list[str]:
    """The lines of a CNAB 240 return: lots of T/U pairs, as many as the numbering needs."""
    account = {**beneficiary_values(layout.beneficiary_fields, beneficiary), "banco": layout.code}
    lines = [_line(layout.return_file_header, account, 1, banco_nome=layout.file_bank_name,
                   codigo_arquivo="2", data_geracao=generated_on,
                   sequencial_arquivo=sequence_number, versao_layout=layout.file_version)]
    t, u = layout.segment_t, layout.segment_u
    # The account's part of each segment is the same on every title: narrowed once.
    t_account, u_account = only(t, account), only(u, account)
    lots = lot_chunks(entries, 2)
    for number, chunk in enumerate(lots, start=1):
        lot = f"{number:04d}"
        lines.append(_line(layout.return_lot_header, account, len(lines) + 1, lote=lot,
                           operacao="T", servico="01", versao_layout_lote=layout.lot_version,
                           numero_remessa=sequence_number, data_gravacao=generated_on))
        for index, entry in enumerate(chunk, start=1):
            values = _entry_values(entry)
            mine = {k: v for k, v in values.items() if k in t.by_name}
            lines.append(write_record(t, {**t_account, **mine, "lote": lot,
                                          "sequencial_lote": 2 * index - 1}, len(lines) + 1))
            mine = {k: v for k, v in values.items() if k in u.by_name}
            lines.append(write_record(u, {**u_account, **mine, "lote": lot,
                                          "sequencial_lote": 2 * index}, len(lines) + 1))
        lines.append(_line(layout.lot_trailer, account, len(lines) + 1, lote=lot,
                           quantidade_registros=2 * len(chunk) + 2,
                           quantidade_titulos=len(chunk),
                           valor_titulos=sum(e.face_value for e in chunk)))
    lines.append(_line(layout.file_trailer, account, len(lines) + 1, quantidade_lotes=len(lots),
                       quantidade_registros=len(lines) + 1))
    return lines


def write_return(
    beneficiary: Beneficiary,
    entries: Sequence[ReturnEntry],
    generated_on: date,
    sequence_number: int = 1,
) -> bytes:
    """The bytes of the return the beneficiary's bank would send for `entries` (CRLF)."""
    bank = beneficiary.bank
    if beneficiary.file_format == "400":
        layout = CNAB400.get(bank)
        if layout is None:
            raise CnabError(0, errors.NO_RETURN_LAYOUT.format(code=bank, width=400))
        lines = _write400(layout, beneficiary, entries, generated_on, sequence_number)
    elif beneficiary.file_format == "240":
        layout240 = CNAB240.get(bank)
        if layout240 is None:
            raise CnabError(0, errors.NO_RETURN_LAYOUT.format(code=bank, width=240))
        lines = _write240(layout240, beneficiary, entries, generated_on, sequence_number)
    else:
        raise CnabError(0, errors.UNKNOWN_LAYOUT.format(file_format=beneficiary.file_format))
    return ("\r\n".join(lines) + "\r\n").encode("ascii")
